from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from procedures.viewsets import CaseViewSet
from trainers.models import StandardModule, TrainerApplication, TrainerProfileUpdate


class TrainerApplicationViewSet(CaseViewSet):
    model = TrainerApplication
    icon = "user"
    menu_label = _("Trainer registrations")
    search_fields = ["tracking_number", "full_name", "applicant_email", "regency", "topics"]


class TrainerProfileUpdateViewSet(CaseViewSet):
    model = TrainerProfileUpdate
    icon = "edit"
    menu_label = _("Trainer profile updates")
    search_fields = ["tracking_number", "trainer_page__title", "reason"]


class StandardModuleViewSet(SnippetViewSet):
    model = StandardModule
    icon = "list-ul"
    menu_label = _("Standard modules")
    list_display = ["code", "name", "category", "active"]
    list_filter = ["category", "active"]
    search_fields = ["code", "name"]
    ordering = ["code"]
