"""A small fixed-window rate limiter on the shared cache (Redis in production)."""

import hashlib

from django.core.cache import cache

from portal.clientip import client_ip

__all__ = ["client_ip", "is_limited", "request_limited"]


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
