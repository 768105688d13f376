from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from accounts import roles
from courses.hooks import COURSE_PAGE_PANEL, IS_COURSE_PARTICIPANT
from portal.hooks import DEMO_CONTENT, MEMBER_AREA_PANEL, PERSONAL_DATA, RETENTION_RULES, MemberPanel, Panel
from procedures.wagtail_hooks import CASE_VIEWSET


@hooks.register(CASE_VIEWSET)
def enrolment_viewset():
    from enrolment.viewsets import EnrolmentViewSet

    return EnrolmentViewSet("enrolments")


class ClassDeliveryGroup(ViewSetGroup):
    menu_label = _("Class delivery")
    menu_icon = "group"
    menu_order = 160

    def __init__(self):
        from enrolment.viewsets import CompletionRuleViewSet, ParticipantViewSet, QuestionViewSet

        self.items = [ParticipantViewSet("participants"), QuestionViewSet(), CompletionRuleViewSet()]
        super().__init__()


@hooks.register("register_admin_viewset")
def class_delivery_viewsets():
    return ClassDeliveryGroup()


class StaffScreenMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.has_role(request.user, roles.ADMIN_OFFICER, roles.INSTRUCTOR)


@hooks.register("register_admin_menu_item")
def class_day_menu_item():
    return StaffScreenMenuItem(
        _("Class days (attendance, tests)"), reverse("enrolment:staff_index"), icon_name="date", order=155
    )


@hooks.register(IS_COURSE_PARTICIPANT)
def is_participant(user, course_page):
    """Accepted, attending, evaluated and completed participants read their class's materials."""
    from enrolment.models import Enrolment

    enrolments = Enrolment.objects.participating().filter(participant__user=user)
    if course_page is not None:
        enrolments = enrolments.filter(course_id=course_page.pk)
    return enrolments.exists()


@hooks.register(COURSE_PAGE_PANEL)
def registration_box(request, page):
    """The class page's registration box: "Daftar", the waiting list, or the visitor's own registration."""
    from enrolment.models import Enrolment

    enrolment = None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        enrolment = (
            Enrolment.objects.active()
            .filter(course_id=page.pk, participant__user=user)
            .exclude(tracking_number=None)
            .first()
        )
    return Panel("", "enrolment/includes/enrol_button.html", {"page": page, "enrolment": enrolment}, order=10)


@hooks.register(MEMBER_AREA_PANEL)
def my_classes(request):
    from enrolment.models import Enrolment, Participant

    participant = Participant.objects.filter(user=request.user).first()
    if participant is None:
        return None
    enrolments = list(
        Enrolment.objects.filter(participant=participant)
        .exclude(tracking_number=None)
        .select_related("course")
        .order_by("-course__start_date")[:30]
    )
    return MemberPanel(
        _("My classes"),
        "enrolment/member_panel.html",
        {"enrolments": enrolments, "participant": participant},
        order=10,
    )


@hooks.register(DEMO_CONTENT, order=20)
def load_demo_enrolments(stdout):
    from enrolment.demo import load

    load(stdout)


@hooks.register(PERSONAL_DATA)
def personal_data():
    from enrolment.personal_data import source

    return source()


@hooks.register(RETENTION_RULES)
def retention_rules():
    from enrolment.personal_data import rules

    return rules()
