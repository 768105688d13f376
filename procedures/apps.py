from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("SOP procedures")

    def ready(self):
        from procedures.permissions import grant_view_permissions

        # Once per migrate (for this app): the receiver creates the content types and permissions it needs.
        post_migrate.connect(grant_view_permissions, sender=self, dispatch_uid="procedures.grant_view_permissions")
