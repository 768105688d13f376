from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import (
            checks,  # noqa: F401  (registers the system checks)
            pagecache,
            signing,  # noqa: F401  (registers the signing system check)
            spreadsheets,
        )

        pagecache.connect_page_signals()
        pagecache.connect_settings_signals()
        # Every Wagtail list export (viewsets, snippets, form submissions) escapes formulas.
        spreadsheets.install()
