from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.hooks import (
    DEMO_CONTENT,
    MEMBER_AREA_PANEL,
    PERSONAL_DATA,
    PUBLIC_SERVICE,
    RETENTION_RULES,
    MemberPanel,
    Panel,
)
from procedures.wagtail_hooks import CASE_VIEWSET
from trainers.hooks import TRAINER_PROFILE_ACTION, TRAINER_SCHEDULE_SOURCE


@hooks.register(CASE_VIEWSET)
def trainer_request_viewset():
    from trainer_requests.viewsets import TrainerRequestViewSet

    return TrainerRequestViewSet("trainer-requests")


@hooks.register(TRAINER_SCHEDULE_SOURCE)
def trainer_request_bookings(trainer_ids, start_date, end_date):
    from trainer_requests.services import assignment_bookings

    return assignment_bookings(trainer_ids, start_date, end_date)


@hooks.register(TRAINER_PROFILE_ACTION)
def request_this_trainer(request, trainer_page):
    """The "Request this trainer" button on a public trainer profile (the form preselects the trainer)."""
    return Panel("", "trainer_requests/request_trainer_button.html", {"trainer_page": trainer_page}, order=10)


@hooks.register(MEMBER_AREA_PANEL)
def my_assignments(request):
    from trainer_requests.models import TrainerAssignment

    items = list(
        # Only assignments the office has sent a letter for (surat tugas issued).
        TrainerAssignment.objects.filter(trainer__user=request.user, letter__isnull=False)
        .select_related("request", "trainer", "letter")
        .order_by("-request__start_date")[:20]
    )
    if not items:
        return None
    return MemberPanel(
        _("My assignments as resource person"),
        "trainer_requests/member_panel.html",
        {"assignments": items},
        order=25,
    )


@hooks.register(PUBLIC_SERVICE)
def trainer_request_service():
    return {
        "title": _("Request a resource person"),
        "description": _("Villages, cooperatives, schools and offices ask the office to lend a trainer."),
        "url": reverse("trainer_requests:request"),
    }


@hooks.register(DEMO_CONTENT, order=40)
def load_demo_trainer_requests(stdout):
    from trainer_requests.demo import load

    load(stdout)


@hooks.register(PERSONAL_DATA)
def personal_data():
    from trainer_requests.personal_data import source

    return source()


@hooks.register(RETENTION_RULES)
def retention_rules():
    from trainer_requests.personal_data import rules

    return rules()
