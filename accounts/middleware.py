"""Staff sessions: a second factor (TOTP) before anything else, and a short idle timeout."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.staff import has_totp, is_staff_account, mfa_required


class StaffAccountMiddleware:
    """For a logged-in staff account:

    - the session ends after ``PORTAL_STAFF_SESSION_IDLE_SECONDS`` without a request (members keep
      Django's session age);
    - while ``PORTAL_STAFF_MFA_REQUIRED`` (always in production), an account without an
      authenticator app is sent to set one up and can open nothing else but the account pages
      (``/akun/``: the TOTP setup, recovery codes, logout). Once it exists allauth asks for a code
      (or a recovery code) at every login.
    """

    # The account pages (allauth: setup, recovery codes, logout) and what they load.
    ALLOWED_PREFIXES = ("/akun/", "/static/", "/jsi18n/", "/i18n/", "/healthz/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and is_staff_account(user):
            request.session.set_expiry(getattr(settings, "PORTAL_STAFF_SESSION_IDLE_SECONDS", 30 * 60))
            if mfa_required() and not request.path.startswith(self.ALLOWED_PREFIXES) and not has_totp(user):
                messages.warning(
                    request,
                    _("Staff accounts need a second factor: set up an authenticator app to continue."),
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
