from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormPagesConfig(AppConfig):
    name = "form_pages"
    verbose_name = _("Form pages")
