from wagtail import hooks

from portal.hooks import DEMO_CONTENT, STARTER_DATA


@hooks.register(STARTER_DATA, order=-90)
def load_starter_pages(setup):
    from home.starter import load

    load(setup)


@hooks.register(DEMO_CONTENT, order=-90)
def load_demo_pages(stdout):
    from home.demo import load

    load(stdout)
