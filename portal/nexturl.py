"""``next=`` targets: only addresses on this site, so a link cannot send a visitor elsewhere."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, target, default):
    """``target`` when it is a URL on this host (and scheme), else ``default``."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
