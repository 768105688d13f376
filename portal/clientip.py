"""The visitor's address, in one place, for every rate limit of the portal and for allauth.

Behind the proxy the README deploys (nginx → gunicorn) ``REMOTE_ADDR`` is the proxy itself,
so every visitor would share one address and one visitor's failures would lock everybody out.
nginx appends the address it saw to ``X-Forwarded-For`` (``$proxy_add_x_forwarded_for``), so
with ``PORTAL_TRUSTED_PROXY_COUNT`` proxies in front of Django the client is the entry that
many places from the right. Entries further left were written by the client and are never
trusted. With no trusted proxy (the default, e.g. ``runserver``) the header is ignored.
"""

import ipaddress

from django.conf import settings


def trusted_proxy_count():
    return int(getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0) or 0)


def _clean(value):
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def client_ip(request):
    """The client's address as the trusted proxies saw it; ``REMOTE_ADDR`` without proxies."""
    remote = _clean(request.META.get("REMOTE_ADDR", ""))
    count = trusted_proxy_count()
    if count > 0:
        forwarded = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
        if len(forwarded) >= count:
            address = _clean(forwarded[-count])
            if address:
                return address
    return remote or "unknown"
