"""Admin screens for any case model: a queue per step and role, a case view with the
timeline, files and one form per action the current user's role allows."""

import django_filters

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import role_label, user_roles
from portal.storage import private_file_response
from procedures import services, signals
from procedures.forms import TransitionForm
from procedures.timeline import build_timeline


class CaseFilterSet(WagtailFilterSet):
    """The filters of every case queue: step, acting role, past the standard time, waiting for my role.

    The choices come from the procedure of the model being listed; a flow adds its own filters by
    subclassing this class and naming it as its viewset's ``filterset_class``.
    """

    state = django_filters.ChoiceFilter(label=gettext_lazy("Step"), choices=[])
    role = django_filters.ChoiceFilter(label=gettext_lazy("Acting role"), choices=[], method="filter_role")
    overdue = django_filters.BooleanFilter(label=gettext_lazy("Past standard time"), method="filter_overdue")
    mine = django_filters.BooleanFilter(label=gettext_lazy("Waiting for my role"), method="filter_mine")

    class Meta:
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.procedure = self.queryset.model.procedure
        self.filters["state"].extra["choices"] = self.procedure.state_choices()
        roles = sorted({role for step in self.procedure.steps for role in step.roles})
        self.filters["role"].extra["choices"] = [(role, role_label(role)) for role in roles]

    def filter_overdue(self, queryset, name, value):
        final_states = [s.state for s in self.procedure.steps if s.final]
        overdue = Q(state_due_at__lt=timezone.now()) & ~Q(state__in=final_states)
        return queryset.filter(overdue) if value else queryset.exclude(overdue)

    def filter_mine(self, queryset, name, value):
        roles = user_roles(self.request.user) if self.request else set()
        states = [s.state for s in self.procedure.steps if set(s.roles) & roles]
        return queryset.filter(state__in=states) if value else queryset.exclude(state__in=states)

    def filter_role(self, queryset, name, value):
        return queryset.filter(state__in=[s.state for s in self.procedure.steps if value in s.roles])


class CaseIndexView(IndexView):
    def get_base_queryset(self):
        # Drafts are the applicant's business until submitted.
        procedure = self.model.procedure
        queryset = super().get_base_queryset().exclude(tracking_number=None).exclude(state__in=procedure.hidden_states)
        return self.model.visible_to(queryset, self.request.user)

    def get_filterset_kwargs(self):
        # One declared filter set serves every case model: it reads the procedure from the listed model.
        return {**super().get_filterset_kwargs(), "queryset": self.model._default_manager.all()}

    def get_edit_url(self, instance):
        # A case is worked through its actions, so rows open the case view.
        return self.get_inspect_url(instance)


class CaseInspectView(InspectView):
    template_name = "procedures/admin/case_inspect.html"
    file_url_name = None

    def get_object(self, queryset=None):
        case = super().get_object(queryset)
        if case.tracking_number is None or case.state in case.procedure.hidden_states:
            raise Http404
        if not self.model.visible_to(self.model._default_manager.filter(pk=case.pk), self.request.user).exists():
            raise Http404
        return case

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        signals.case_viewed.send(sender=self.model, case=self.object, user=request.user)
        return response

    def get_page_subtitle(self):
        return str(self.object)

    def get_page_title(self):
        return self.object.tracking_number or _("Draft")

    def transition_forms(self, bound=None):
        case, user = self.object, self.request.user
        forms = []
        for transition in services.allowed_transitions(case, user):
            form_class = import_string(transition.form_class) if transition.form_class else TransitionForm
            if bound is not None and bound.transition.name == transition.name:
                form = bound
            else:
                form = form_class(
                    prefix=transition.name,
                    case=case,
                    transition=transition,
                    user=user,
                    initial={"version": case.version},
                )
            forms.append(form)
        return forms

    def get_context_data(self, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        context.update(
            case=case,
            timeline=build_timeline(case, public=False),
            summary=case.admin_summary_for(self.request.user),
            files=[(label, reverse(self.file_url_name, args=[case.pk, key])) for label, key in case.private_files()],
            transition_forms=self.transition_forms(bound_form),
            events=case.events(),
        )
        return context

    def post(self, request, *args, **kwargs):
        case = self.object
        name = request.POST.get("transition", "")
        try:
            transition = case.procedure.transition(name)
        except KeyError:
            messages.error(request, _("Unknown action."))
            return redirect(request.path)
        form_class = import_string(transition.form_class) if transition.form_class else TransitionForm
        form = form_class(
            request.POST, request.FILES, prefix=name, case=case, transition=transition, user=request.user
        )
        if form.is_valid():
            try:
                services.perform(
                    case,
                    name,
                    request.user,
                    note=form.cleaned_data.get("note", ""),
                    attachment=form.cleaned_data.get("attachment"),
                    share_attachment=form.cleaned_data.get("share_attachment", False),
                    expected_version=form.cleaned_data["version"],
                    data=form.transition_data(),
                )
            except services.TransitionError as error:
                messages.error(request, str(error))
                return redirect(request.path)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(number)s moved to: %(step)s") % {"number": case.tracking_number, "step": case.state_label},
                )
                return redirect(request.path)
        messages.error(request, _("The action was not carried out: please correct the form."))
        return self.render_to_response(self.get_context_data(bound_form=form))


class CaseViewSet(ModelViewSet):
    """Subclass with ``model`` (a Case) and menu options; roles act through the case view."""

    icon = "tasks"
    index_view_class = CaseIndexView
    inspect_view_class = CaseInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 30
    search_fields = ["tracking_number"]
    ordering = ["-updated_at"]
    # Superusers may correct a record's data; the step only ever changes through an action.
    exclude_form_fields = ["state"]

    filterset_class = CaseFilterSet

    @property
    def procedure(self):
        return self.model.procedure

    @cached_property
    def list_display(self):
        return [
            "tracking_number",
            Column("applicant_name", label=gettext_lazy("Applicant")),
            Column("state_label", label=gettext_lazy("Step")),
            StatusTagColumn("due_display", label=gettext_lazy("Standard time"), primary=lambda case: case.is_overdue),
            DateColumn("updated_at", label=gettext_lazy("Updated")),
        ]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(file_url_name=self.get_url_name("file"), **kwargs)

    def file_view(self, request, pk, key):
        if not self.permission_policy.user_has_any_permission(request.user, {"view", "change"}):
            raise Http404
        case = get_object_or_404(self.model.visible_to(self.model._default_manager.all(), request.user), pk=pk)
        if case.state in case.procedure.hidden_states:
            raise Http404
        fieldfile = case.get_private_file(key)
        if not fieldfile:
            raise Http404
        response = private_file_response(fieldfile)
        signals.case_file_downloaded.send(sender=self.model, case=case, user=request.user, key=key)
        return response

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("file/<int:pk>/<str:key>/", self.file_view, name="file"),
        ]
