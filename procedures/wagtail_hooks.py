from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import EditView, HistoryView, IndexView, InspectView, UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from procedures.models import Holiday, Letter, OutboxMessage
from procedures.services import LOG_ACTION

#: Flows register ``fn() -> CaseViewSet instance`` under this hook; all queues share one menu.
CASE_VIEWSET = "register_case_viewset"


@hooks.register("register_log_actions")
def register_transition_action(actions):
    def message(log_entry):
        data = log_entry.data or {}
        return _("Moved from step '%(from)s' to '%(to)s' (%(action)s)") % {
            "from": data.get("from", ""),
            "to": data.get("to", ""),
            "action": data.get("transition", ""),
        }

    actions.register_action(LOG_ACTION, _("SOP step"), message)


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Holidays")
    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    ordering = ["date"]


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    icon = "mail"
    menu_label = _("Outgoing email")
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["sent_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["available_at"]


class LetterIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().visible_to(self.request.user)


class LetterInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(Letter.objects.visible_to(self.request.user), pk=unquote(str(self.pk)))


class LetterEditView(EditView):
    def get_queryset(self):
        return Letter.objects.visible_to(self.request.user)


class LetterHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return Letter.objects.visible_to(self.request.user)


class LetterUsageView(UsageView):
    def get_base_object_queryset(self):
        return Letter.objects.visible_to(self.request.user)


class LetterViewSet(ModelViewSet):
    """Letters per flow: each role lists and opens the letters of the services it works in."""

    model = Letter
    index_view_class = LetterIndexView
    inspect_view_class = LetterInspectView
    edit_view_class = LetterEditView
    history_view_class = LetterHistoryView
    usage_view_class = LetterUsageView
    icon = "doc-full"
    menu_label = _("Letters")
    list_display = ["number", "subject", "date", "kind"]
    list_filter = ["kind", "date"]
    search_fields = ["number", "subject", "addressee"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["revoked_at", "revoked_reason"]


class ServicesGroup(ViewSetGroup):
    """The admin menu "Services": every flow's case queue (``register_case_viewset``), letters, holidays, outbox."""

    menu_label = _("Services")
    menu_icon = "tasks"
    menu_order = 150

    def __init__(self):
        self.items = [fn() for fn in hooks.get_hooks(CASE_VIEWSET)]
        self.items += [LetterViewSet("letters"), HolidayViewSet(), OutboxViewSet("outbox")]
        super().__init__()


@hooks.register("register_admin_viewset")
def register_services_menu():
    return ServicesGroup()


@hooks.register("register_public_service")
def status_service():
    return {
        "title": _("Check application status"),
        "description": _("Follow every step of your application with its tracking number."),
        "url": reverse("procedures:lookup"),
    }


@hooks.register("register_starter_data", order=-40)
def load_national_holidays(setup):
    from procedures.national_holidays import load

    created = load(setup.holiday_years)
    years = ", ".join(str(year) for year in setup.holiday_years)
    setup.report(f"national holidays {years} ({created} new; collective leave is entered by staff)")


@hooks.register("register_demo_content", order=-40)
def load_demo_holidays(stdout):
    from procedures.demo import load

    load(stdout)


@hooks.register("register_sop_procedures")
def sop_procedures():
    """Offer every registered procedure as the service an SOP page is followed by (``sops.links``)."""
    from procedures import registry

    return [(procedure.code, procedure.name) for procedure in registry.all_procedures()]
