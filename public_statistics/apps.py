from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicStatisticsConfig(AppConfig):
    name = "public_statistics"
    verbose_name = _("Public statistics")
