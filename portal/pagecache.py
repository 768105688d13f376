"""A full-page cache for anonymous GETs of public pages, purged precisely by tags.

How it works
------------
* :class:`PageCacheMiddleware` sits near the top of ``MIDDLEWARE``. For an anonymous ``GET``
  or ``HEAD`` (no session cookie) it looks the response up in the default cache (Redis when
  ``REDIS_URL`` is set, so every worker shares it; local memory otherwise), keyed by host, path,
  query string and language. Logged-in visitors, previews (the admin), ``POST`` and forms
  always reach the view.
* Only responses a view has *tagged* are stored: :func:`tag` marks the request with the names
  of the data the page shows (``page:12``, ``courses``, ``trainers`` ...). Wagtail pages are
  tagged automatically (``portal.wagtail_hooks``) with ``page:<id>``, ``layout`` and the page's
  own ``cache_tags()``; other views call :func:`tag` themselves. A response that sets a cookie
  or used the CSRF token (a form) is never stored.
* :func:`purge` invalidates every stored response that carries a tag. Each tag has a version
  kept in the cache; a stored response remembers the versions it was built with, and a hit is
  only served while they all still hold — one ``get_many`` per hit, no key lists to maintain.
  Apps purge from their signal receivers (``purge_on_change``), immediately and again when
  the transaction commits, so a reader never caches data of a transaction still open.
* Headers a proxy or CDN can honour: cacheable anonymous pages get ``Cache-Control: public,
  max-age=PAGE_CACHE_MAX_AGE, stale-while-revalidate=…`` and no ``Vary: Cookie``; bypassed
  responses keep Django's own headers plus ``private`` (or ``no-store``). A proxy must skip its
  cache for requests carrying the session or language cookie (see the README's nginx snippet).

Settings: ``PAGE_CACHE_ENABLED`` (default true), ``PAGE_CACHE_TIMEOUT`` (seconds a stored page
lives even without purge, default 300: time-based states such as "registration open" change
without a save), ``PAGE_CACHE_MAX_AGE`` (browser/proxy freshness, default 30) and
``PAGE_CACHE_STALE_WHILE_REVALIDATE`` (default 60).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control

from portal.middleware import LANGUAGE_PARAMETER, request_language

KEY_PREFIX = "pagecache"
TAGS_ATTRIBUTE = "_page_cache_tags"
#: Paths no anonymous page cache ever serves (accounts, member area, admin, flows' forms).
BYPASS_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/akun/",
    "/saya/",
    "/i18n/",
    "/jsi18n/",
    "/documents/",
    "/healthz/",
)


def _setting(name, default):
    return getattr(settings, name, default)


def tag(request, *tags):
    """Mark ``request``'s response as cacheable, showing the data named by ``tags``."""
    if request is None:
        return
    existing = getattr(request, TAGS_ATTRIBUTE, None)
    if existing is None:
        existing = set()
        setattr(request, TAGS_ATTRIBUTE, existing)
    existing.update(str(t) for t in tags if t)


def _tag_key(name):
    return f"{KEY_PREFIX}:tag:{name}"


def purge(*tags):
    """Invalidate every stored page carrying one of ``tags``, now and when the transaction commits."""
    tags = [str(t) for t in tags if t]
    if not tags:
        return

    def bump():
        cache.set_many({_tag_key(name): uuid.uuid4().hex for name in tags}, None)

    bump()
    transaction.on_commit(bump)


def purge_on_change(model, tags):
    """Purge ``tags(instance)`` whenever a ``model`` row is saved or deleted."""

    def receiver(sender, instance, **kwargs):
        if kwargs.get("raw"):
            return
        purge(*tags(instance))

    # One receiver per model and declaring module: several apps may purge on the same model.
    uid = f"{model._meta.label}-{tags.__module__}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"pagecache-save-{uid}")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"pagecache-delete-{uid}")
    return receiver


def _versions(tags):
    keys = {_tag_key(name): name for name in tags}
    found = cache.get_many(list(keys))
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        # add() so two workers building the first version agree on it.
        for key, value in missing.items():
            if not cache.add(key, value, None):
                value = cache.get(key, value)
            found[key] = value
    return {keys[key]: value for key, value in found.items()}


def cache_key(request):
    raw = f"{request.get_host()}|{request.get_full_path()}|{request_language(request)}"
    return f"{KEY_PREFIX}:page:{hashlib.sha256(raw.encode()).hexdigest()}"


def is_anonymous_request(request):
    """No session (not logged in, no form in progress) and no flash message waiting to be shown."""
    message_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and message_cookie not in request.COOKIES


def bypasses(request):
    return (
        not _setting("PAGE_CACHE_ENABLED", True)
        or request.method not in ("GET", "HEAD")
        or not is_anonymous_request(request)
        or request.path.startswith(BYPASS_PREFIXES)
        or LANGUAGE_PARAMETER in request.GET
    )


def _public_headers(request, response):
    # Nothing on an anonymous public page depends on the cookies it came with beyond the language:
    # without the language cookie it is the default language and varies on no cookie.
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        vary = [v.strip() for v in response.headers.get("Vary", "").split(",") if v.strip()]
        vary = [v for v in vary if v.lower() != "cookie"]
        if vary:
            response.headers["Vary"] = ", ".join(vary)
        elif "Vary" in response.headers:
            del response.headers["Vary"]
    patch_cache_control(
        response,
        public=True,
        max_age=_setting("PAGE_CACHE_MAX_AGE", 30),
        stale_while_revalidate=_setting("PAGE_CACHE_STALE_WHILE_REVALIDATE", 60),
    )


def _storable(request, response):
    return (
        getattr(request, TAGS_ATTRIBUTE, None)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and "Set-Cookie" not in response.headers
        and "no-store" not in response.headers.get("Cache-Control", "")
        and "private" not in response.headers.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    """Serve and store anonymous public pages (place it after the language middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if bypasses(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control") and not request.path.startswith("/static/"):
                patch_cache_control(response, private=True)
            return response

        key = cache_key(request)
        entry = cache.get(key)
        if entry is not None:
            stored_versions, response = entry
            if _versions(stored_versions) == stored_versions:
                response["X-Page-Cache"] = "hit"
                return response

        response = self.get_response(request)
        if _storable(request, response):
            tags = getattr(request, TAGS_ATTRIBUTE)
            tags.add("all")
            versions = _versions(tags)
            _public_headers(request, response)
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            cache.set(key, (versions, response), _setting("PAGE_CACHE_TIMEOUT", 300))
            response["X-Page-Cache"] = "miss"
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response


# --- Wagtail pages -----------------------------------------------------------------------------


def page_tags(page):
    """Tags of a served Wagtail page: itself, the site layout (menus, footer) and what it lists."""
    own = getattr(page, "cache_tags", None)
    return [f"page:{page.pk}", "layout", *(own() if callable(own) else ())]


def page_change_tags(page, parent_id=None):
    """Tags to purge when ``page`` is published, unpublished, moved or deleted.

    The page, its parent index, the home page, search results, the listings its type appears in
    (``cache_listing_tags`` on the page class, such as ``courses``) and, for a top-level page,
    the menus and footer every page shows.
    """
    tags = [f"page:{page.pk}", "home", "search"]
    parent_id = parent_id or _parent_id(page)
    if parent_id:
        tags.append(f"page:{parent_id}")
    specific_class = getattr(page, "specific_class", None) or type(page)
    tags.extend(getattr(specific_class, "cache_listing_tags", ()))
    if (page.depth or 0) <= 3:
        tags.append("layout")
    return tags


def _parent_id(page):
    from wagtail.models import Page

    if not page.path or page.depth <= 1:
        return None
    parent_path = page.path[: (page.depth - 1) * Page.steplen]
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()


def connect_page_signals():
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    def changed(sender, instance, **kwargs):
        purge(*page_change_tags(instance))

    def moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
        tags = page_change_tags(instance, getattr(parent_page_after, "pk", None))
        if parent_page_before is not None:
            tags.append(f"page:{parent_page_before.pk}")
        # Every page below moved too: their addresses (and so their cache keys) changed.
        tags.append("layout")
        purge(*tags)

    def deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            purge(*page_change_tags(instance))

    def saved(sender, instance, raw=False, **kwargs):
        # Pages made in code (starter data, imports, factories) are live without a publish signal.
        if isinstance(instance, Page) and not raw and instance.live:
            purge(*page_change_tags(instance))

    page_published.connect(changed, weak=False, dispatch_uid="pagecache-published")
    page_unpublished.connect(changed, weak=False, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(moved, weak=False, dispatch_uid="pagecache-moved")
    post_delete.connect(deleted, weak=False, dispatch_uid="pagecache-deleted")
    post_save.connect(saved, weak=False, dispatch_uid="pagecache-saved")


def connect_settings_signals():
    """The office's identity (name, logo, address) is in every page's header and footer."""
    from django.apps import apps

    purge_on_change(apps.get_model("portal", "OfficeSettings"), lambda instance: ["all", "settings"])


def remember(name, tags, compute, timeout=None):
    """``compute()``'s value, kept in the cache until one of ``tags`` is purged.

    For what many pages show and few changes touch (menus, footer, services): each page then
    reads it with two cache round trips instead of its queries.
    """
    key = f"{KEY_PREFIX}:data:{name}"
    entry = cache.get(key)
    if entry is not None:
        versions, value = entry
        if _versions(versions) == versions:
            return value
    versions = _versions(set(tags) | {"all"})  # read first: a purge during compute() wins
    value = compute()
    cache.set(key, (versions, value), timeout if timeout is not None else _setting("PAGE_CACHE_TIMEOUT", 300))
    return value
