from django.db import connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Liveness and database readiness for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not ready"
        return JsonResponse(
            {"status": "error", "database": "unavailable", "detail": exc.__class__.__name__},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok", "time": timezone.now().isoformat()})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context on purpose: the failure may be in a context processor.
    return render(None, "500.html", status=500)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def route(request, path):
    """Wagtail's route for ``path`` in two queries: the deepest page on the path, then its specific row.

    Wagtail starts at the site's root page and walks down a level at a time (the root, its
    specific row, then a query per level). Every page's ``url_path`` already holds its whole
    address under the site root, so the deepest page the path starts with is found at once;
    it routes what is left of the path itself (sub-routes of routable pages).
    """
    from django.http import Http404

    from wagtail.models import Page, Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    root_path = next((root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk), None)
    if root_path is None:
        return None
    components = [component for component in path.split("/") if component]
    prefixes = [root_path] + [root_path + "/".join(components[:i]) + "/" for i in range(1, len(components) + 1)]
    match = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
    if match is None:
        return None
    consumed = match.url_path[len(root_path) :].strip("/")
    remaining = components[len(consumed.split("/")) if consumed else 0 :]
    try:
        return match.specific.route(request, remaining)
    except Http404:
        return None


def serve(request, path):
    """Wagtail's page view with the faster :func:`route` (hooks, restrictions and serving unchanged)."""
    from wagtail.views import serve as wagtail_serve

    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)


@require_GET
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: answer with the icon."""
    return HttpResponsePermanentRedirect(static("portal/favicon.ico"))


def jwks(request):
    """The office's public signing key (``/.well-known/jwks.json``): credentials are checked with it."""
    from portal.signing import SigningNotConfigured, office_signer

    try:
        keys = [office_signer().public_jwk()]
    except SigningNotConfigured:
        keys = []
    response = JsonResponse({"keys": keys})
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response
