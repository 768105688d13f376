"""Admin screens: the licence queue (a case viewset), the requirement checklist and the licences."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from licensing import services
from licensing.models import Licence, LicenceApplication, RequirementItem
from procedures.clock import office_calendar
from procedures.viewsets import CaseIndexView, CaseInspectView, CaseViewSet


class ServiceClockColumn(Column):
    """ "Time used / N working days": the whole service against its promise, red when past it."""

    cell_template_name = "licensing/admin/service_clock_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["clock"] = getattr(instance, "service_clock_value", None)
        return context


class LicenceApplicationIndexView(CaseIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        # One calendar and one SOP lookup per page, whatever the number of rows.
        calendar = office_calendar()
        promise = services.promise_minutes(calendar)
        for application in page.object_list:
            application.service_clock_value = application.service_clock(calendar, promise)
        return paginator, page, object_list, is_paginated


class LicenceApplicationInspectView(CaseInspectView):
    def transition_forms(self, bound=None):
        # The signing action follows the recommendation: the licence, or the refusal letter.
        return [form for form in super().transition_forms(bound) if self.object.transition_available(form.transition)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        calendar = office_calendar()
        clock = self.object.service_clock(calendar, services.promise_minutes(calendar))
        context["summary"] = [
            (
                _("Service time used"),
                _("%(used)s of %(days)d working days")
                % {"used": calendar.format_minutes(clock.used_minutes), "days": clock.promise_days},
            ),
            *context["summary"],
        ]
        return context


class LicenceApplicationViewSet(CaseViewSet):
    model = LicenceApplication
    icon = "doc-full-inverse"
    menu_label = _("Course licences")
    index_view_class = LicenceApplicationIndexView
    inspect_view_class = LicenceApplicationInspectView
    search_fields = ["tracking_number", "institution_name", "regency", "head_name", "programmes"]

    @cached_property
    def list_display(self):
        return [
            "tracking_number",
            Column("institution_name", label=_("Institution")),
            Column("regency", label=_("Regency/city")),
            Column("state_label", label=_("Step")),
            StatusTagColumn("due_display", label=_("Standard time"), primary=lambda case: case.is_overdue),
            ServiceClockColumn("service_clock_value", label=_("Time used / 5 working days")),
            DateColumn("updated_at", label=_("Updated")),
        ]


class RequirementItemViewSet(SnippetViewSet):
    model = RequirementItem
    icon = "list-ul"
    menu_label = _("Requirement checklist")
    list_display = ["name", "required", "accepted_types", "max_size_mb", "active", "sort_order"]
    list_filter = ["required", "active"]
    ordering = ["sort_order", "pk"]


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Licences come only from a signed decree, so nobody adds one by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LicenceViewSet(ModelViewSet):
    model = Licence
    icon = "tick-inverse"
    menu_label = _("Issued licences")
    list_display = [
        "number",
        "institution_name",
        "regency",
        DateColumn("valid_from", label=_("Valid from")),
        DateColumn("valid_until", label=_("Valid until")),
        Column("get_status_display", label=_("Status")),
    ]
    list_filter = ["regency", "valid_until", "revoked_at"]
    search_fields = ["number", "institution_name", "programmes", "regency"]
    list_export = ["number", "institution_name", "programmes", "regency", "valid_from", "valid_until", "revoked_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    # The licence is made by the signature; staff may only revoke it.
    form_fields = ["revoked_at", "revoked_reason"]


class LicensingGroup(ViewSetGroup):
    menu_label = _("Course licences")
    menu_icon = "doc-full-inverse"
    menu_order = 160
    items = (RequirementItemViewSet, LicenceViewSet("licences"))
