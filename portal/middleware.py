from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers

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
