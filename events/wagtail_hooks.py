from wagtail import hooks

from portal.hooks import DEMO_CONTENT, RETENTION_RULES
from procedures.wagtail_hooks import CASE_VIEWSET


@hooks.register(CASE_VIEWSET)
def training_viewset():
    from events.viewsets import TrainingViewSet

    return TrainingViewSet("regional-trainings")


@hooks.register(CASE_VIEWSET)
def needs_viewset():
    from events.viewsets import NeedsViewSet

    return NeedsViewSet("training-needs")


@hooks.register(CASE_VIEWSET)
def facilities_viewset():
    from events.viewsets import FacilitiesViewSet

    return FacilitiesViewSet("training-facilities")


@hooks.register(CASE_VIEWSET)
def facility_items_viewset():
    from events.viewsets import FacilityItemViewSet

    return FacilityItemViewSet("facility-items")


@hooks.register(DEMO_CONTENT, order=65)
def load_demo_trainings(stdout):
    from events.demo import load

    load(stdout)


@hooks.register(RETENTION_RULES)
def retention_rules():
    from events.personal_data import rules

    return rules()
