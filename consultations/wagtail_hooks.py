from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.hooks import DEMO_CONTENT, MEMBER_AREA_PANEL, PERSONAL_DATA, PUBLIC_SERVICE, MemberPanel
from procedures.wagtail_hooks import CASE_VIEWSET


@hooks.register(CASE_VIEWSET)
def consultation_viewset():
    from consultations.viewsets import ConsultationViewSet

    return ConsultationViewSet("consultation-cases")


@hooks.register(MEMBER_AREA_PANEL)
def my_consultations(request):
    from consultations.models import Consultation

    items = list(Consultation.objects.filter(user=request.user).exclude(tracking_number=None)[:20])
    if not items:
        return None
    return MemberPanel(_("My consultations"), "consultations/member_panel.html", {"consultations": items}, order=60)


@hooks.register(PUBLIC_SERVICE)
def consultation_service():
    return {
        "title": _("Post-training consultation"),
        "description": _("Alumni ask the office about problems met after a training."),
        "url": reverse("consultations:ask"),
    }


@hooks.register(DEMO_CONTENT, order=60)
def load_demo_consultations(stdout):
    from consultations.demo import load

    load(stdout)


@hooks.register(PERSONAL_DATA)
def personal_data():
    from consultations.personal_data import source

    return source()
