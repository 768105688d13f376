from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CategoriesConfig(AppConfig):
    name = "categories"
    verbose_name = _("Categories")

    def ready(self):
        from categories.models import Category
        from portal.pagecache import purge_on_change

        # Category names show on class cards, the filters and the trainer directory.
        purge_on_change(Category, lambda category: ["courses", "trainers", "categories"])
