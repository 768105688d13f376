from django.utils.translation import gettext_lazy as _

from procedures.viewsets import CaseIndexView, CaseViewSet
from trainer_requests.models import TrainerRequest


class TrainerRequestIndexView(CaseIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("category")


class TrainerRequestViewSet(CaseViewSet):
    model = TrainerRequest
    icon = "group"
    menu_label = _("Resource-person requests")
    index_view_class = TrainerRequestIndexView
    search_fields = ["tracking_number", "organisation_name", "applicant_name", "event_title", "topic", "regency"]
