from wagtail import hooks

from portal.hooks import DEMO_CONTENT


@hooks.register(DEMO_CONTENT, order=-100)
def load_demo_accounts(stdout):
    from accounts.demo import load

    load(stdout)
