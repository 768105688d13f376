from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicStatisticsConfig(AppConfig):
    name = "public_statistics"
    verbose_name = _("Public statistics")

    def ready(self):
        from certificates.models import Certificate
        from enrolment.models import Enrolment
        from portal.pagecache import purge_on_change

        # The figures count enrolments and certificates: any change purges the statistics page.
        purge_on_change(Enrolment, lambda enrolment: ["statistics"])
        purge_on_change(Certificate, lambda certificate: ["statistics"])
