"""Signing officials in the admin: superusers only; every save adds a version (see the model)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.models import SigningOfficial


class SuperuserOnlyPermissionPolicy(BasePermissionPolicy):
    """Every action on the model is for active superusers only, whatever groups say."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class SigningOfficialViewSet(ModelViewSet):
    model = SigningOfficial
    icon = "user"
    menu_label = _("Signing officials")
    add_to_settings_menu = True
    add_to_admin_menu = False
    form_fields = ["position", "name", "title", "rank", "nip", "signature", "stamp"]
    list_filter = ["position"]
    list_display = [
        "name",
        Column("position", label=_("position"), accessor="get_position_display"),
        "title",
        "nip",
        Column("version", label=_("version")),
        BooleanColumn("is_current", label=_("current")),
        DateColumn("created_at", label=_("saved at")),
    ]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return SigningOfficial.objects.all()
