from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic import CreateView

from procedures.viewsets import CaseIndexView, CaseViewSet
from trainer_requests.models import TrainerRequest


class TrainerRequestIndexView(CaseIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("category")


class RegisterLetterView(CreateView):
    """SOP step 1 for a letter that arrived on paper, by WhatsApp or by email: the technical officer registers it."""

    inspect_url_name = None

    def save_instance(self):
        from trainer_requests.services import register_letter

        return register_letter(self.form, self.request.user)

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get_success_message(self, instance):
        return _("Request %(number)s registered: it waits for step 2, recording and archiving.") % {
            "number": instance.tracking_number
        }


class TrainerRequestViewSet(CaseViewSet):
    model = TrainerRequest
    icon = "group"
    menu_label = _("Resource-person requests")
    index_view_class = TrainerRequestIndexView
    add_view_class = RegisterLetterView
    search_fields = ["tracking_number", "organisation_name", "applicant_name", "event_title", "topic", "regency"]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(inspect_url_name=self.get_url_name("inspect"), **kwargs)

    def get_form_class(self, for_update=False):
        if not for_update:
            from trainer_requests.forms import RegisterLetterForm

            return RegisterLetterForm
        return super().get_form_class(for_update)
