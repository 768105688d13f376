from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.hooks import (
    DEMO_ACCOUNTS,
    DEMO_CONTENT,
    MEMBER_AREA_PANEL,
    PERSONAL_DATA,
    PUBLIC_SERVICE,
    STARTER_DATA,
    MemberPanel,
)
from procedures.letter_kinds import LETTER_KIND
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


@hooks.register(LETTER_KIND)
def licence_letter_kinds():
    from licensing.services import DECREE_KIND, REFUSAL_KIND

    return {DECREE_KIND: _("Course licence decree"), REFUSAL_KIND: _("Course licence refusal")}


@hooks.register(PUBLIC_SERVICE)
def licence_service():
    return {
        "title": _("Course-provider licence"),
        "description": _(
            "Apply for a licence to run courses and training, and see the register of licensed providers."
        ),
        "url": reverse("licensing:index"),
        # The register is public: anyone checks a provider there without an account.
        "links": [{"title": _("Register of licensed course providers"), "url": reverse("licensing:register")}],
    }


@hooks.register(STARTER_DATA, order=50)
def load_starter_checklist(setup):
    from licensing.starter import load

    load(setup)


@hooks.register(DEMO_CONTENT, order=50)
def load_demo_licences(stdout):
    from licensing.demo import load

    load(stdout)


@hooks.register(DEMO_ACCOUNTS)
def licensing_demo_accounts():
    from accounts.roles import role_label
    from licensing.demo import INSTITUTIONS, STAFF

    rows = [(email, f"{first} {last}", role_label(role)) for email, first, last, role in STAFF]
    # The first institution holds a licence in the demo; its account signs in as the provider.
    name, email = INSTITUTIONS[0][:2]
    rows.append((email, name, "course provider holding a licence"))
    return rows


@hooks.register(PERSONAL_DATA)
def personal_data():
    from licensing.personal_data import source

    return source()
