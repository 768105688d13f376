from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.hooks import DEMO_CONTENT, MEMBER_AREA_PANEL, PERSONAL_DATA, PUBLIC_SERVICE, MemberPanel


@hooks.register("register_admin_viewset")
def certificates_menu():
    from certificates.viewsets import CertificatesGroup

    return CertificatesGroup()


@hooks.register(MEMBER_AREA_PANEL)
def my_certificates(request):
    from certificates.models import Certificate

    items = list(
        Certificate.objects.valid().filter(enrolment__participant__user=request.user).order_by("-issued_at")[:50]
    )
    if not items:
        return None
    return MemberPanel(_("My certificates"), "certificates/member_panel.html", {"certificates": items}, order=30)


@hooks.register(PUBLIC_SERVICE)
def verification_service():
    from django.urls import reverse

    return {
        "title": _("Verify a certificate"),
        "description": _("Check that a training certificate issued by the office is genuine."),
        "url": reverse("certificates:verify_form"),
    }


@hooks.register(DEMO_CONTENT, order=30)
def load_demo_certificates(stdout):
    from certificates.demo import load

    load(stdout)


@hooks.register(PERSONAL_DATA)
def personal_data():
    from certificates.personal_data import source

    return source()
