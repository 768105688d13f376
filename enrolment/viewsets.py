"""Staff screens in the Wagtail admin: the verification queue (a case viewset: the core's screens,
the seat rule comes with the procedure's declarations), participants, the question banks and
completion rules."""

import django_filters

from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import CoursePage
from enrolment import access
from enrolment.models import CompletionRule, Enrolment, Participant, Question
from portal.nik import mask_phone, nik_for
from privacy import log as privacy_log
from procedures.viewsets import CaseFilterSet, CaseViewSet


class EnrolmentFilterSet(CaseFilterSet):
    """The case queue's filters plus the class, the result and walk-in registrations."""

    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Class"), queryset=CoursePage.objects.order_by("-start_date")
    )
    result = django_filters.ChoiceFilter(label=gettext_lazy("Result"), choices=Enrolment.Result.choices[1:])
    walk_in = django_filters.BooleanFilter(label=gettext_lazy("Registered in person"))


class EnrolmentViewSet(CaseViewSet):
    model = Enrolment
    icon = "group"
    menu_label = gettext_lazy("Class enrolments")
    search_fields = ["tracking_number", "participant__full_name", "participant__email", "participant__nik"]
    search_backend_name = None
    exclude_form_fields = ["state", "participant", "course", "result", "completed_at", "work_photo"]

    filterset_class = EnrolmentFilterSet

    @cached_property
    def list_display(self):
        return [
            "tracking_number",
            Column("applicant_name", label=gettext_lazy("Participant")),
            Column("course", label=gettext_lazy("Class")),
            Column("state_label", label=gettext_lazy("Step")),
            StatusTagColumn("due_display", label=gettext_lazy("Standard time"), primary=lambda case: case.is_overdue),
            DateColumn("updated_at", label=gettext_lazy("Updated")),
        ]

    def get_queryset(self, request):
        return Enrolment.objects.select_related("participant", "course")


class ParticipantFilterSet(WagtailFilterSet):
    """Participants, with the queue of NIK clashes staff must review (issue 14)."""

    nik_in_review = django_filters.BooleanFilter(
        label=gettext_lazy("NIK awaiting review"), method="filter_nik_in_review"
    )

    class Meta:
        model = Participant
        fields = ["gender", "education"]

    def filter_nik_in_review(self, queryset, name, value):
        return queryset.exclude(nik_review="") if value else queryset.filter(nik_review="")


def participants_for(user):
    """The profiles a staff member may open: all for the Petugas Administrasi, an instructor's classes' only."""
    queryset = Participant.objects.all()
    if access.sees_all_classes(user):
        return queryset
    return queryset.filter(enrolments__in=access.classes_filter(Enrolment.objects.all(), user, field="course_id"))
    # (``distinct`` is applied by the callers that list.)


class ParticipantIndexView(IndexView):
    def get_base_queryset(self):
        return participants_for(self.request.user).distinct()


class ParticipantInspectView(InspectView):
    """The profile with the NIK masked (full for the Petugas Administrasi and the person); phone and
    address only for the office. Every view is recorded in the access log."""

    def get_object(self, queryset=None):
        participant = participants_for(self.request.user).filter(pk=self.pk).distinct().first()
        if participant is None:
            raise Http404
        return participant

    def get_nik_display_value(self):
        return nik_for(self.request.user, self.object.nik, *access.FULL_NIK_ROLES, person=self.object.user)

    def get_nik_review_display_value(self):
        value = self.object.nik_review
        return nik_for(self.request.user, value, *access.FULL_NIK_ROLES, person=self.object.user) if value else "—"

    def get_phone_display_value(self):
        return self.object.phone if access.sees_all_classes(self.request.user) else mask_phone(self.object.phone)

    def get_address_display_value(self):
        return self.object.address if access.sees_all_classes(self.request.user) else "—"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        p = self.object
        privacy_log.record(
            request.user,
            "view",
            gettext_lazy("Participant profile"),
            [privacy_log.person(p.full_name, p.user, p.email)],
        )
        return response


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "user"
    menu_label = gettext_lazy("Participants")
    index_view_class = ParticipantIndexView
    inspect_view_class = ParticipantInspectView
    # Phone and address are on the profile (office only), never in the list. The filter
    # "NIK awaiting review" is the queue of NIK clashes (issue 14).
    list_display = ["full_name", "email", "regency", "created_at"]
    filterset_class = ParticipantFilterSet
    search_fields = ["full_name", "email", "nik", "regency"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    # No NIK, phone or address: the full class list is an explicit, logged export (enrolment staff screens).
    list_export = ["full_name", "email", "regency", "gender", "education", "occupation"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = gettext_lazy("Test questions")
    list_display = ["text", "course", "sort_order"]
    list_filter = ["course"]
    search_fields = ["text"]
    search_backend_name = None
    ordering = ["course", "sort_order"]


class CompletionRuleViewSet(SnippetViewSet):
    model = CompletionRule
    icon = "tick-inverse"
    menu_label = gettext_lazy("Completion rules")
    list_display = ["course", "min_attendance", "require_evaluation_pass", "pass_score", "min_post_test"]
