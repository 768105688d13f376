from wagtail import hooks

from portal.hooks import DEMO_CONTENT, STARTER_DATA


@hooks.register(STARTER_DATA, order=-50)
def load_starter_sops(setup):
    from sops.starter import load

    load(setup)


@hooks.register(DEMO_CONTENT, order=-50)
def load_demo_sops(stdout):
    from sops.demo import load

    load(stdout)


@hooks.register("register_admin_viewset")
def register_sop_library():
    from sops.viewsets import SOPLibraryViewSet

    return SOPLibraryViewSet("sop-library")
