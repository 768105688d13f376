from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.hooks import DEMO_CONTENT, MEMBER_AREA_PANEL, PERSONAL_DATA, PUBLIC_SERVICE, STARTER_DATA, MemberPanel
from procedures.wagtail_hooks import CASE_VIEWSET


@hooks.register(CASE_VIEWSET)
def licence_application_viewset():
    from licensing.viewsets import LicenceApplicationViewSet

    return LicenceApplicationViewSet("licence-applications")


def _licence_permission_policy():
    from wagtail.permissions import register_permission_policy

    from licensing.models import Licence
    from licensing.viewsets import NoAddPermissionPolicy

    register_permission_policy(Licence, NoAddPermissionPolicy(Licence), exact_class=True)


_licence_permission_policy()


def _licensing_group():
    from licensing.viewsets import LicensingGroup

    return LicensingGroup()


register_snippet(_licensing_group)


@hooks.register(MEMBER_AREA_PANEL)
def my_licence_applications(request):
    from licensing.models import LicenceApplication

    items = list(LicenceApplication.objects.filter(user=request.user).select_related("user")[:20])
    if not items:
        return None
    return MemberPanel(_("My licence applications"), "licensing/member_panel.html", {"applications": items}, order=70)


@hooks.register(PUBLIC_SERVICE)
def licence_service():
    return {
        "title": _("Course-provider licence"),
        "description": _(
            "Apply for a licence to run courses and training, and see the register of licensed providers."
        ),
        "url": reverse("licensing:index"),
    }


@hooks.register(STARTER_DATA, order=50)
def load_starter_checklist(setup):
    from licensing.starter import load

    load(setup)


@hooks.register(DEMO_CONTENT, order=50)
def load_demo_licences(stdout):
    from licensing.demo import load

    load(stdout)


@hooks.register(PERSONAL_DATA)
def personal_data():
    from licensing.personal_data import source

    return source()
