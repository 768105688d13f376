import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.hooks import (
    DEMO_CONTENT,
    MEMBER_AREA_PANEL,
    PERSONAL_DATA,
    PUBLIC_SERVICE,
    RETENTION_RULES,
    STARTER_DATA,
    MemberPanel,
)
from procedures.wagtail_hooks import CASE_VIEWSET
from trainers.schedule import ics_token, trainer_schedule
from trainers.viewsets import StandardModuleViewSet

MEMBER_SCHEDULE_DAYS = 60


@hooks.register(CASE_VIEWSET)
def trainer_application_viewset():
    from trainers.viewsets import TrainerApplicationViewSet

    return TrainerApplicationViewSet("trainer-applications")


@hooks.register(CASE_VIEWSET)
def trainer_update_viewset():
    from trainers.viewsets import TrainerProfileUpdateViewSet

    return TrainerProfileUpdateViewSet("trainer-profile-updates")


register_snippet(StandardModuleViewSet)


@hooks.register(MEMBER_AREA_PANEL)
def my_trainer_work(request):
    """Registrations, letters, own trainer pages with their schedule and calendar feed, update requests."""
    from trainers.models import TrainerApplication, TrainerProfileUpdate
    from trainers.schedule import pages_for_user

    user = request.user
    applications = list(TrainerApplication.objects.filter(user=user).order_by("-created_at")[:10])
    pages = list(pages_for_user(user))
    if not applications and not pages:
        return None
    today = timezone.localdate()
    trainer_pages = [
        {
            "page": page,
            "schedule": trainer_schedule(page, today, today + datetime.timedelta(days=MEMBER_SCHEDULE_DAYS)),
            "ics_url": request.build_absolute_uri(reverse("trainers:schedule_ics", args=[ics_token(page)])),
        }
        for page in pages
    ]
    updates = list(TrainerProfileUpdate.objects.filter(user=user).exclude(tracking_number=None)[:10])
    letters = {}
    for application in applications:
        letters[application.pk] = [
            (letter, f"letter-{letter.pk}") for letter in application.letters().filter(revoked_at=None)
        ]
    return MemberPanel(
        _("Trainer (narasumber)"),
        "trainers/member_panel.html",
        {
            "applications": [(a, letters[a.pk]) for a in applications],
            "trainer_pages": trainer_pages,
            "updates": updates,
            "schedule_days": MEMBER_SCHEDULE_DAYS,
        },
        order=40,
    )


@hooks.register(PUBLIC_SERVICE)
def trainer_registration_service():
    return {
        "title": _("Register as a trainer"),
        "description": _("Experts apply online to teach in our trainings (narasumber)."),
        "url": reverse("trainers:register"),
    }


@hooks.register(STARTER_DATA, order=10)
def load_starter_trainers(setup):
    from trainers.starter import load

    load(setup)


@hooks.register(DEMO_CONTENT, order=10)
def load_demo_trainers(stdout):
    from trainers.demo import load

    load(stdout)


@hooks.register(PERSONAL_DATA)
def personal_data():
    from trainers.personal_data import source

    return source()


@hooks.register(RETENTION_RULES)
def retention_rules():
    from trainers.personal_data import rules

    return rules()
