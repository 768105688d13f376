from procedures.viewsets import CaseViewSet

from .models import Errand


class ErrandViewSet(CaseViewSet):
    model = Errand
    menu_label = "Errands"
    search_fields = ["tracking_number", "applicant_name", "subject"]
