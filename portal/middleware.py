from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class OfficeLanguageMiddleware:
    """Serve Indonesian unless the visitor chose another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which on many
    phones in Indonesia is English; the office wants Indonesian as the default and English
    only on request, so only the language cookie set by ``set_language`` counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
