from wagtail import hooks

from portal.hooks import DEMO_CONTENT


@hooks.register(DEMO_CONTENT, order=85)
def load_demo_statistics(stdout):
    from public_statistics.demo import load

    load(stdout)
