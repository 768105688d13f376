from wagtail import hooks

from procedures.wagtail_hooks import CASE_VIEWSET


@hooks.register(CASE_VIEWSET)
def errand_viewset():
    from .viewsets import ErrandViewSet

    return ErrandViewSet("casework-cases")
