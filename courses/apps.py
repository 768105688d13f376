from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Classes")

    def ready(self):
        from courses import review
        from courses.permissions import connect_signals

        connect_signals()
        review.connect_signals()

        from courses.cache import connect_page_cache

        connect_page_cache()
