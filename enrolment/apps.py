from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    name = "enrolment"
    verbose_name = _("Enrolment")

    def ready(self):
        from enrolment.models import Enrolment
        from portal.pagecache import purge_on_change

        # Seats left follow the seat counter (``courses.cache``); the class page's box follows the enrolments.
        purge_on_change(Enrolment, lambda enrolment: [f"page:{enrolment.course_id}"])
