from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from procedures.files import private_file_response
from procedures.viewsets import CaseIndexView, CaseInspectView, CaseViewSet
from trainer_requests.models import TrainerRequest

#: Requests whose email address is not confirmed yet are the applicant's business only.
HIDDEN_STATES = ("unconfirmed",)


class TrainerRequestIndexView(CaseIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().exclude(state__in=HIDDEN_STATES).select_related("category")


class TrainerRequestInspectView(CaseInspectView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if obj.state in HIDDEN_STATES:
            raise Http404
        return obj


class TrainerRequestViewSet(CaseViewSet):
    model = TrainerRequest
    icon = "group"
    menu_label = _("Resource-person requests")
    index_view_class = TrainerRequestIndexView
    inspect_view_class = TrainerRequestInspectView
    search_fields = ["tracking_number", "organisation_name", "applicant_name", "event_title", "topic", "regency"]

    def file_view(self, request, pk, key):
        if not self.permission_policy.user_has_any_permission(request.user, {"view", "change"}):
            raise Http404
        case = get_object_or_404(self.model.objects.exclude(state__in=HIDDEN_STATES), pk=pk)
        fieldfile = case.get_private_file(key)
        if not fieldfile:
            raise Http404
        return private_file_response(fieldfile)
