from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainerRequestsConfig(AppConfig):
    name = "trainer_requests"
    verbose_name = _("Resource-person requests")
