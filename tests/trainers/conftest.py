import datetime
import zoneinfo

import pytest
import time_machine

from wagtail.models import Page

from accounts import roles
from procedures import services

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
MONDAY_9 = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=JAKARTA)

# The SOP path to each step of the registration: (transition, acting role or None for the applicant).
PATH = {
    "analysis": [("submit", None)],
    "verification": [("submit", None), ("forward", roles.TEAM_LEAD)],
    "correction": [("submit", None), ("forward", roles.TEAM_LEAD), ("send_back", roles.TEAM_MEMBER)],
    "recommendation": [("submit", None), ("forward", roles.TEAM_LEAD), ("verify", roles.TEAM_MEMBER)],
    "decision": [
        ("submit", None),
        ("forward", roles.TEAM_LEAD),
        ("verify", roles.TEAM_MEMBER),
        ("recommend_approve", roles.TEAM_LEAD),
    ],
}


@pytest.fixture
def monday_morning():
    with time_machine.travel(MONDAY_9, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def role_groups(db):
    """The roles exist from accounts' data migration; re-create them when run with --nomigrations."""
    from django.contrib.auth.models import Group

    for name in roles.ROLE_LABELS:
        Group.objects.get_or_create(name=name)


@pytest.fixture
def staff(user_factory, role_groups):
    """One user per office role, keyed by role name."""
    return {
        role: user_factory(email=f"{role.lower().replace(' ', '.')}@dinas.test", roles=[role])
        for role in roles.STAFF_ROLES
    }


@pytest.fixture
def home(db):
    """The site's home page (re-created when a transactional test flushed the migrated one)."""
    from wagtail.models import Site

    from home.models import HomePage

    existing = Page.objects.filter(depth=2).first()
    if existing:
        return existing
    from django.conf import settings

    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.objects.filter(depth=1).first() or Page.add_root(title="Root", slug="root")
    page = root.add_child(instance=HomePage(title="Beranda", slug="beranda"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": page})
    return page


@pytest.fixture
def directory(home):
    from trainers.factories import TrainerIndexPageFactory

    return TrainerIndexPageFactory(parent=home)


@pytest.fixture
def categories(db):
    from categories.factories import CategoryFactory

    return {
        "tari": CategoryFactory(name="Seni Tari", slug="seni-tari"),
        "kriya": CategoryFactory(name="Kriya", slug="kriya"),
    }


@pytest.fixture
def application_at(db, staff, categories):
    """``application_at("decision")``: a complete registration walked to that step."""
    from trainers.factories import TrainerApplicationFactory

    def make(state="draft", **kwargs):
        kwargs.setdefault("expertise", [categories["tari"]])
        application = TrainerApplicationFactory(**kwargs)
        for name, role in PATH.get(state, []):
            actor = application.user if role is None else staff[role]
            note = "Mohon lengkapi sertifikat." if name == "send_back" else ""
            services.perform(application, name, actor, note=note)
        return application

    return make
