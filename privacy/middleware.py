"""Ask for consent again after a material change of the privacy notice (flag set at login)."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

EXEMPT = ("/saya/privasi/", "/akun/", "/static/", "/admin/", "/i18n/", "/jsi18n/", "/healthz/")


class ConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from privacy.consent import SESSION_KEY

        session = getattr(request, "session", None)
        if (
            session is not None
            and request.method == "GET"
            and session.get(SESSION_KEY)
            and not request.path.startswith(EXEMPT)
        ):
            return redirect(f"{reverse('privacy:consent')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
