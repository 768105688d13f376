from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and announcements")

    def ready(self):
        from news.models import NewsCategory
        from portal.pagecache import purge_on_change

        purge_on_change(NewsCategory, lambda category: ["news"])
