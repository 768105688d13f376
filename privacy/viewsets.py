"""Superuser-only admin screens: the access log (filter by person), erasure requests, retention periods."""

import django_filters

from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from privacy.models import AccessLog, ErasureRequest, RetentionPeriod


class SuperuserViewOnlyPolicy(ModelPermissionPolicy):
    """Only superusers see these records, and nobody adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action == "view"

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions, **kwargs):
        from django.contrib.auth import get_user_model

        return (
            get_user_model().objects.filter(is_active=True, is_superuser=True)
            if "view" in actions
            else get_user_model().objects.none()
        )


class AccessLogFilterSet(WagtailFilterSet):
    person = django_filters.CharFilter(label=gettext_lazy("Person (name, email or reference)"), method="filter_person")
    action = django_filters.ChoiceFilter(label=gettext_lazy("Action"), choices=AccessLog.Action.choices)
    full_data = django_filters.BooleanFilter(label=gettext_lazy("Full personal data"))

    class Meta:
        model = AccessLog
        fields = []

    def filter_person(self, queryset, name, value):
        value = value.strip()
        condition = Q(person_label__icontains=value) | Q(person_key__iexact=value)
        condition |= Q(person_user__email__iexact=value) | Q(person_key__iexact=f"email:{value.lower()}")
        return queryset.filter(condition)


class AccessLogViewSet(ModelViewSet):
    model = AccessLog
    icon = "list-ul"
    menu_label = gettext_lazy("Access log")
    add_to_admin_menu = False
    filterset_class = AccessLogFilterSet
    form_fields = ["reason"]  # never editable (the policy allows viewing only)
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["what", "person_label", "actor_label"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        DateColumn("at", label=gettext_lazy("When")),
        Column("actor_label", label=gettext_lazy("Who")),
        Column("get_action_display", label=gettext_lazy("Action")),
        "what",
        Column("person_label", label=gettext_lazy("Person")),
        "reason",
    ]


class ErasureRequestInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.status == ErasureRequest.Status.PENDING:
            url = reverse("privacy_decide_erasure", args=[self.object.pk])
            buttons.append(Button(gettext_lazy("Confirm or refuse"), url=url, icon_name="bin", priority=5))
        return buttons


class ErasureRequestViewSet(ModelViewSet):
    inspect_view_class = ErasureRequestInspectView
    model = ErasureRequest
    icon = "bin"
    menu_label = gettext_lazy("Erasure requests")
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    list_filter = ["status"]
    form_fields = ["note"]  # decided through the confirm screen; the policy allows viewing only
    list_display = ["account_label", "status", DateColumn("requested_at", label=gettext_lazy("Requested"))]


class RetentionPeriodViewSet(SnippetViewSet):
    model = RetentionPeriod
    icon = "time"
    menu_label = gettext_lazy("Retention periods")
    list_display = ["record_type", "days"]
    add_to_admin_menu = False


def register_policies():
    from wagtail.permissions import register_permission_policy

    register_permission_policy(AccessLog, SuperuserViewOnlyPolicy(AccessLog))
    register_permission_policy(ErasureRequest, SuperuserViewOnlyPolicy(ErasureRequest))
