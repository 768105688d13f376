from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = _("Social cards and posters")

    def ready(self):
        from sharing import signals  # noqa: F401
