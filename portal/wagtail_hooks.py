from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_signing_officials():
    from wagtail.permissions import register_permission_policy

    from portal.models import SigningOfficial
    from portal.viewsets import SigningOfficialViewSet, SuperuserOnlyPermissionPolicy

    # Superusers only, whatever groups say (registered before the viewset asks for it).
    register_permission_policy(SigningOfficial, SuperuserOnlyPermissionPolicy(SigningOfficial))
    return SigningOfficialViewSet("signing-officials")


@hooks.register("register_demo_content", order=-90)
def load_demo_signing(stdout):
    from portal.demo import load_signing

    load_signing(stdout)
