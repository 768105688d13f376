from wagtail import hooks

from portal.hooks import DEMO_CONTENT, STARTER_DATA


@hooks.register(DEMO_CONTENT, order=85)
def load_demo_statistics(stdout):
    from public_statistics.demo import load

    load(stdout)


@hooks.register(STARTER_DATA, order=70)
def load_starter_statistics(setup):
    from public_statistics.starter import load

    load(setup)
