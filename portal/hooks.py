"""Names of the hooks through which apps extend shared screens without being imported.

* ``register_member_area_panel``: ``fn(request) -> MemberPanel | None`` adds a section to
  ``/saya/`` (my enrolments, my applications, my certificates ...).
* ``register_starter_data``: ``fn(setup)`` adds what a real installation needs from day one
  (pages of the site tree, reference data) for ``setup_portal``; ``setup`` is a
  :class:`portal.starter.Setup` (options, ``setup.report(...)``). Loaders must be idempotent
  and never overwrite what staff changed. Use ``order=N`` as for demo content.
* ``register_demo_content``: ``fn(stdout)`` adds demo content for ``load_demo``; use
  ``@hooks.register(..., order=N)`` so content that others need loads first. The demo runs
  on top of the starter data (``load_demo`` runs ``setup_portal`` first) and builds on it.
* ``register_home_section``: ``fn(request, limit) -> list`` items for the home page's
  "upcoming schedule" block (each item a dict with title, url, start, place).
* ``register_public_service``: ``fn() -> dict(title, description, url[, links])`` public
  services listed on the home page and in the footer; ``links`` (a list of ``dict(title, url)``)
  adds public pages of the service (the licence register, say).
* ``register_home_panel``: ``fn(request) -> Panel | None`` a section of the home page (news,
  pinned announcements) below the services.
* ``register_page_panel``: ``fn(request, page) -> Panel | None`` a section added at the foot of a
  page of another app (alumni stories on class pages and the catalogue).
* ``register_demo_accounts``: ``fn() -> list of (email, full name, what the account is for)``
  the demo accounts an app adds beyond ``accounts.demo`` (printed by ``demo_accounts``).
* ``register_member_classes``: ``fn(user) -> [(class_page_id, title)]`` the classes a person took
  part in (the enrolment app answers), so a form of another flow can ask "which class?".
* ``register_page_meta``: ``fn(request, page) -> dict | None`` sharing metadata for a page
  (Open Graph / Twitter card tags), rendered in the ``<head>`` of every page.
* ``register_personal_data``: ``fn() -> PersonalDataSource`` what an app holds about one person
  (UU PDP): how to export it for "download my data", how to erase it when the account is
  erased, and whether a legal hold keeps it. The ``privacy`` app calls these; it imports no flow.
* ``register_retention_rules``: ``fn() -> list[RetentionRule]`` how long an app keeps a kind of
  record and how to find and purge the expired ones (``purge_expired``); the privacy page lists
  them (what is collected, why, how long, who sees it).

Apps offer the same kind of extension points for their own screens (``courses.hooks``: the
class page's panels; ``trainers.hooks``: the trainer profile's sections and the trainer's
schedule sources), always returning a :class:`Panel` or plain data, never importing the caller.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail import hooks

MEMBER_AREA_PANEL = "register_member_area_panel"
DEMO_CONTENT = "register_demo_content"
STARTER_DATA = "register_starter_data"
HOME_SECTION = "register_home_section"
PUBLIC_SERVICE = "register_public_service"
HOME_PANEL = "register_home_panel"
PAGE_PANEL = "register_page_panel"
PAGE_META = "register_page_meta"
DEMO_ACCOUNTS = "register_demo_accounts"
MEMBER_CLASSES = "register_member_classes"
PERSONAL_DATA = "register_personal_data"
RETENTION_RULES = "register_retention_rules"


@dataclass
class Panel:
    """A part of a shared screen that another app renders: its template with its own context.

    The screen includes ``template`` with ``panel_context`` set to ``context``, in ``order``.
    """

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


#: A member-area panel is a :class:`Panel` (the name the member-area hooks have always used).
MemberPanel = Panel


def collect_panels(hook_name, *args):
    """Every non-empty :class:`Panel` the functions registered under ``hook_name`` return, in order."""
    panels = [fn(*args) for fn in hooks.get_hooks(hook_name)]
    return sorted((panel for panel in panels if panel), key=lambda panel: panel.order)


def member_panels(request):
    return collect_panels(MEMBER_AREA_PANEL, request)


def home_panels(request):
    return collect_panels(HOME_PANEL, request)


def page_panels(request, page):
    return collect_panels(PAGE_PANEL, request, page)


def page_meta(request, page):
    """The first sharing metadata an app provides for ``page`` (``None`` when none does)."""
    for fn in hooks.get_hooks(PAGE_META):
        meta = fn(request, page)
        if meta:
            return meta
    return None


def public_services():
    services = [fn() for fn in hooks.get_hooks(PUBLIC_SERVICE)]
    return [service for service in services if service]


def cached_public_services():
    """:func:`public_services` kept in the cache (their addresses change only with top-level pages)."""
    from django.utils.translation import get_language

    from portal.pagecache import remember

    def plain(value):
        # Lazy translations become text; lists of links ("links": [{"title", "url"}]) keep their shape.
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(item) for item in value]
        return str(value)

    def compute():
        return [plain(service) for service in public_services()]

    return remember(f"services:{get_language()}", ["layout"], compute)


def member_classes(user):
    """``[(class_page_id, title)]``: the classes ``user`` took part in, from every app that knows (no duplicates)."""
    if user is None or not user.is_authenticated:
        return []
    result = {}
    for fn in hooks.get_hooks(MEMBER_CLASSES):
        for pk, title in fn(user) or []:
            result.setdefault(pk, title)
    return list(result.items())


@dataclass
class PersonalDataSource:
    """One app's part of a person's data (see ``register_personal_data``).

    * ``export(user) -> (records, files)``: JSON-able records and ``(name, FieldFile or bytes)`` pairs of
      the person's own uploads, letters and certificates, only theirs.
    * ``erase(user) -> list[str]``: anonymise the person's fields, delete their uploads from
      storage (``FieldFile.delete``), keep what the archive rules keep; returns what it did.
    * ``legal_hold(user) -> str``: a reason the data must stay for now ("" when none).
    * ``correct(user) -> (label, url) | None``: the profile where the person corrects it.
    """

    key: str
    title: str
    export: Callable
    erase: Callable | None = None
    legal_hold: Callable | None = None
    order: int = 100
    #: ``fn(user) -> (label, url) | None``: where the person corrects this part of their data.
    correct: Callable | None = None


@dataclass
class RetentionRule:
    """How long one kind of record is kept (see ``register_retention_rules``).

    ``expired(cutoff)`` returns the records whose retention ended before ``cutoff`` (an aware
    datetime); ``purge(record)`` deletes or anonymises one (files removed from storage);
    ``describe(record)`` names it for ``purge_expired --dry-run``. The texts feed the privacy page.
    """

    key: str
    record_type: str
    collected: str
    purpose: str
    who_sees: str
    default_days: int
    expired: Callable
    purge: Callable
    describe: Callable = str
    after: str = ""


def personal_data_sources():
    sources = [fn() for fn in hooks.get_hooks(PERSONAL_DATA)]
    return sorted((source for source in sources if source), key=lambda source: source.order)


def retention_rules():
    return [rule for fn in hooks.get_hooks(RETENTION_RULES) for rule in (fn() or [])]
