"""Absolute links for emails, letters, QR codes and feeds.

While a request is being answered, links use the address that request came to
(``request.build_absolute_uri``, the host already checked against ``ALLOWED_HOSTS``), so a
portal served on another host or port never mails links to the wrong one. Outside a request
(background tasks, management commands) they use ``PORTAL_BASE_URL``, which `make run` sets
from HOST and PORT and production settings require.
"""

from contextvars import ContextVar

from django.conf import settings

_current_request = ContextVar("portal_current_request", default=None)


class CurrentRequestMiddleware:
    """Remember the request being answered, for links built far from the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def base_url(request=None):
    """``https://host[:port]`` without a trailing slash."""
    request = request or _current_request.get()
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.PORTAL_BASE_URL


def absolute_url(path, request=None):
    return base_url(request) + path
