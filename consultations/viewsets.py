from django.utils.translation import gettext_lazy as _

from consultations.models import Consultation
from procedures.viewsets import CaseViewSet


class ConsultationViewSet(CaseViewSet):
    model = Consultation
    icon = "help"
    menu_label = _("Consultations")
    search_fields = ["tracking_number", "applicant_name", "subject", "question"]
