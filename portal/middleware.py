from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

#: ``?lang=en`` on any page switches the language (the header switcher's links): no form, no CSRF cookie.
LANGUAGE_PARAMETER = "lang"


def supported_languages():
    return {code for code, _name in settings.LANGUAGES}


def request_language(request):
    """The language a request is served in: the switcher's cookie when valid, else the office default."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return language if language in supported_languages() else settings.LANGUAGE_CODE


def switch_language_response(request, language):
    """Redirect to the same address without ``?lang=`` and remember ``language`` in the language cookie."""
    query = request.GET.copy()
    query.pop(LANGUAGE_PARAMETER, None)
    location = request.path + (f"?{urlencode(query, doseq=True)}" if query else "")
    response = HttpResponseRedirect(location)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    response["Cache-Control"] = "private, no-store"
    # Cookie-less public pages are cacheable for a while without ``Vary: Cookie`` (``portal.pagecache``):
    # the browser would otherwise follow this redirect to its cached copy in the old language.
    response["Clear-Site-Data"] = '"cache"'
    return response


class OfficeLanguageMiddleware:
    """Serve Indonesian unless the visitor chose another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which on many
    phones in Indonesia is English; the office wants Indonesian as the default and English
    only on request, so only the language cookie counts. The switcher is a plain link
    (``?lang=en``): a GET that sets the cookie and redirects back, so public pages carry no
    form and no CSRF cookie (``set_language``'s POST keeps working too).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        wanted = request.GET.get(LANGUAGE_PARAMETER) if request.method in ("GET", "HEAD") else None
        if wanted in supported_languages():
            return switch_language_response(request, wanted)
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
            # The page depends on the cookie the visitor sent; without one it is the default language.
            patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


def _policy(directives):
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in directives.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy, Permissions-Policy and ``Cache-Control: no-store`` on private pages.

    A small middleware rather than django-csp: the portal's policy is static (its templates have
    no inline scripts, every script and style is a static file), so nonces and per-view decorators
    are not needed; the Wagtail admin gets its own policy (``PORTAL_CSP_ADMIN``), because Wagtail
    still writes inline styles and runs page previews in a same-origin frame. Settings:

    - ``PORTAL_CSP`` / ``PORTAL_CSP_ADMIN``: directive → list of sources; an empty dict sends none;
    - ``PORTAL_CSP_REPORT_ONLY``: send ``Content-Security-Policy-Report-Only`` instead (to try a
      stricter policy on a live site first);
    - ``PORTAL_PERMISSIONS_POLICY``: the Permissions-Policy header value;
    - ``PORTAL_PRIVATE_PATH_PREFIXES``: paths never stored by a browser or proxy cache; every
      response to a logged-in user is ``private, no-store`` too unless its view chose otherwise.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = _policy(getattr(settings, "PORTAL_CSP", {}))
        self.csp_admin = _policy(getattr(settings, "PORTAL_CSP_ADMIN", {}))
        self.csp_header = (
            "Content-Security-Policy-Report-Only"
            if getattr(settings, "PORTAL_CSP_REPORT_ONLY", False)
            else "Content-Security-Policy"
        )
        self.permissions_policy = getattr(settings, "PORTAL_PERMISSIONS_POLICY", "")
        self.private_prefixes = tuple(getattr(settings, "PORTAL_PRIVATE_PATH_PREFIXES", ()))
        self.admin_prefix = getattr(settings, "PORTAL_ADMIN_PATH_PREFIX", "/admin/")

    def __call__(self, request):
        response = self.get_response(request)
        policy = self.csp_admin if request.path.startswith(self.admin_prefix) else self.csp
        if policy:
            response.headers.setdefault(self.csp_header, policy)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        user = getattr(request, "user", None)
        private_path = request.path.startswith(self.private_prefixes)
        logged_in = user is not None and user.is_authenticated
        # A private path is never stored; a logged-in visitor's page unless its view chose a policy.
        if "no-store" not in response.get("Cache-Control", "") and (
            private_path or (logged_in and not response.has_header("Cache-Control"))
        ):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
