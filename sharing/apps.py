from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = _("Social cards and posters")

    def ready(self):
        from portal.pagecache import purge_on_change
        from sharing import signals  # noqa: F401
        from sharing.models import ShareStyle

        # The colours are in every page's sharing tags (and cards).
        purge_on_change(ShareStyle, lambda style: ["all", "settings"])
