"""Staff screens in the Wagtail admin: the verification queue (a case viewset: the core's screens,
the seat rule comes with the procedure's declarations), participants, the question banks and
completion rules."""

import django_filters

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import CoursePage
from enrolment.models import CompletionRule, Enrolment, Participant, Question
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


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "user"
    menu_label = gettext_lazy("Participants")
    list_display = ["full_name", "email", "regency", "phone", "nik_review", "created_at"]
    filterset_class = ParticipantFilterSet
    search_fields = ["full_name", "email", "nik", "phone", "regency"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = ["full_name", "email", "phone", "regency", "gender", "education", "occupation"]


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
