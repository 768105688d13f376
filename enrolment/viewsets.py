"""Staff screens in the Wagtail admin: the verification queue (a case viewset), participants,
the question banks and completion rules."""

import django_filters

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import CoursePage
from enrolment import services
from enrolment.models import CompletionRule, Enrolment, Participant, Question
from procedures import services as core
from procedures.forms import TransitionForm
from procedures.viewsets import CaseFilterSet, CaseInspectView, CaseViewSet

#: Transitions that change the seats of a class: they run with the class's seat row locked.
SEAT_TRANSITIONS = {"promote", "withdraw", "remove", "waitlist"}


class EnrolmentInspectView(CaseInspectView):
    """The case view, with "accept" routed through the seat rule (a seat, or the waiting list)."""

    def post(self, request, *args, **kwargs):
        case = self.object
        name = request.POST.get("transition", "")
        if name != "accept" and name not in SEAT_TRANSITIONS:
            return super().post(request, *args, **kwargs)
        transition = case.procedure.transition(name)
        form_class = import_string(transition.form_class) if transition.form_class else TransitionForm
        form = form_class(
            request.POST, request.FILES, prefix=name, case=case, transition=transition, user=request.user
        )
        if form.is_valid():
            if not core.can_perform(case, transition, request.user):
                messages.error(request, _("Your role may not perform this action."))
                return redirect(request.path)
            options = {
                "note": form.cleaned_data.get("note", ""),
                "attachment": form.cleaned_data.get("attachment"),
                "expected_version": form.cleaned_data["version"],
            }
            try:
                if name == "accept":
                    services.decide(case, request.user, **options)
                else:
                    services.act(case, name, request.user, **options)
            except core.TransitionError as error:
                messages.error(request, str(error))
                return redirect(request.path)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                case.refresh_from_db()
                messages.success(
                    request,
                    _("%(number)s moved to: %(step)s") % {"number": case.tracking_number, "step": case.state_label},
                )
                return redirect(request.path)
        messages.error(request, _("The action was not carried out: please correct the form."))
        return self.render_to_response(self.get_context_data(bound_form=form))


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
    inspect_view_class = EnrolmentInspectView
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


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "user"
    menu_label = gettext_lazy("Participants")
    list_display = ["full_name", "email", "regency", "phone", "created_at"]
    list_filter = ["gender", "education"]
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
