"""Shared fixtures: a live server driven by Debian's Chromium through Playwright."""

import contextlib
import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls tests make
# there (creating fixtures, reading state) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    """Transactional tests (live server, row locks) restore the migrated data when they finish.

    A transactional test empties every table afterwards, including what data migrations made
    (the home page, the site, the roles). Serialized rollback puts that state back, so the
    order in which tests run never matters.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and "serialized_rollback" not in marker.kwargs:
            item.add_marker(pytest.mark.django_db(**marker.kwargs, serialized_rollback=True), append=False)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: the page cache must not carry pages between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the migrated-data snapshot where every connection object finds it.

    Once Playwright's sync API runs its event loop in the test thread, Django's context-local
    connection handler gives that thread a new connection object, without the
    ``_test_serialized_contents`` the test database setup left on the first one. Django then
    silently skips the serialized rollback and later transactional tests find empty tables
    (no site, no roles). Storing the snapshot on the connection class survives that.
    """
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open_page(chromium, live_server, request, **context_options):
    context = chromium.new_context(base_url=live_server.url, **context_options)
    context.set_default_timeout(10_000)
    browser_page = context.new_page()
    yield browser_page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
        # The page may already be gone; the test failure is what matters.
        with contextlib.suppress(Exception):
            browser_page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def browser_page(chromium, live_server, request):
    """A desktop-sized page on the live server; a screenshot lands in tests/artifacts/ on failure."""
    yield from _open_page(chromium, live_server, request, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_page(chromium, live_server, request):
    """A 360×740 phone viewport, as most of the public uses the portal."""
    yield from _open_page(
        chromium, live_server, request, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )


@pytest.fixture
def user_factory(db):
    from accounts.factories import UserFactory

    return UserFactory


@pytest.fixture
def login_in_browser(live_server):
    """Log a user into a Playwright page by planting a Django session cookie."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    def login(browser_page, user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        host = live_server.url.split("//", 1)[1].split(":")[0]
        browser_page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "domain": host, "path": "/"}]
        )

    return login


@pytest.fixture
def signing_key(db):
    """The office's signing certificate, made as ``setup_portal`` does (documents are then signed)."""
    import io

    from django.core.management import call_command

    from portal.signing import office_signer

    call_command("make_signing_certificate", office_name="Dinas Uji", force=True, stdout=io.StringIO())
    return office_signer()


def tamper(pdf: bytes) -> bytes:
    """One byte changed inside the signed range (the first page's MediaBox)."""
    data = bytearray(pdf)
    at = data.index(b"/MediaBox")
    data[at + 2] ^= 0x01
    return bytes(data)
