"""A small fixed-window rate limiter on the shared cache (Redis in production)."""

import hashlib

from django.core.cache import cache


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is trivially forged unless a trusted proxy rewrites it,
    # and the deployment guide has the proxy set REMOTE_ADDR through gunicorn's forwarded-allow-ips.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def is_limited(scope, ident, limit, window_seconds):
    """Count one hit for (scope, ident); True once more than ``limit`` hits fell in the window."""
    digest = hashlib.sha256(f"{scope}:{ident}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    if cache.add(key, 1, timeout=window_seconds):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return False
    return count > limit


def request_limited(request, scope, limit, window_seconds):
    return is_limited(scope, client_ip(request), limit, window_seconds)
