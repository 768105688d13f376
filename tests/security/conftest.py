"""The security suite: every test starts with empty rate-limit counters."""

import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def behind_proxy(settings):
    """The README's deployment: one nginx in front of gunicorn, appending to X-Forwarded-For."""
    # The one documented setting; allauth must follow it without its own.
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    return settings


def via_proxy(address, forged=""):
    """The headers nginx passes on: whatever the client sent, then the address nginx saw.

    Every request comes from REMOTE_ADDR 127.0.0.1 (the proxy), as on the server.
    """
    forwarded = f"{forged}, {address}" if forged else address
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded}
