from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from portal.hooks import MEMBER_AREA_PANEL, PAGE_PANEL, MemberPanel, Panel

PRIVACY_PAGE_SLUG = "kebijakan-privasi"


def _register_policies():
    from privacy.viewsets import register_policies

    register_policies()


_register_policies()


class PrivacyGroup(ViewSetGroup):
    menu_label = _("Personal data")
    menu_icon = "lock"
    menu_order = 900

    def __init__(self):
        from privacy.viewsets import AccessLogViewSet, ErasureRequestViewSet, RetentionPeriodViewSet

        self.items = [
            AccessLogViewSet("privacy_access_log"),
            ErasureRequestViewSet("privacy_erasure"),
            RetentionPeriodViewSet(),
        ]
        super().__init__()


@hooks.register("register_admin_viewset")
def privacy_viewsets():
    return PrivacyGroup()


@hooks.register("register_admin_urls")
def privacy_admin_urls():
    from privacy import views

    return [path("privacy/erasure/<int:pk>/decide/", views.decide_erasure, name="privacy_decide_erasure")]


@hooks.register(MEMBER_AREA_PANEL)
def my_personal_data(request):
    return MemberPanel(
        _("My personal data"),
        "privacy/member_panel.html",
        {"url": reverse("privacy:overview")},
        order=900,
    )


@hooks.register(PAGE_PANEL)
def privacy_policy_table(request, page):
    """The privacy page lists what is collected, why, how long and who sees it, from the retention rules."""
    if getattr(page, "slug", "") != PRIVACY_PAGE_SLUG:
        return None
    from privacy.retention import policy_rows

    return Panel(
        _("What we keep, why, for how long and who sees it"), "privacy/policy_table.html", {"rows": policy_rows()}
    )
