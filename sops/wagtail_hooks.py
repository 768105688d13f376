from wagtail import hooks

from portal.hooks import DEMO_CONTENT


@hooks.register(DEMO_CONTENT, order=-50)
def load_demo_sops(stdout):
    from sops.demo import load

    load(stdout)
