from wagtail import hooks

from portal.hooks import DEMO_CONTENT


@hooks.register(DEMO_CONTENT, order=-90)
def load_demo_pages(stdout):
    from home.demo import load

    load(stdout)
