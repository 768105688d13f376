from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Alumni stories")

    def ready(self):
        from portal.pagecache import purge_on_change
        from stories.models import AlumniStory

        # Stories show under their class and on the catalogue (``register_page_panel``).
        purge_on_change(AlumniStory, lambda story: ["stories"])
