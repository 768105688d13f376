from wagtail import hooks

from portal import pagecache


@hooks.register("before_serve_page")
def tag_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    """Every served page is cacheable for anonymous visitors, tagged with what it shows."""
    if not getattr(request, "is_preview", False):
        pagecache.tag(request, *pagecache.page_tags(page))


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
