import datetime

import pytest
import time_machine

from django.utils import timezone

from wagtail.models import Site

from accounts import roles
from courses.factories import CourseIndexPageFactory, CoursePageFactory
from events.factories import RegionalTrainingFactory, add_regions
from procedures import services

#: A fixed working-day midday in Jakarta, so nothing depends on the hour the tests run.
NOON = datetime.datetime(2026, 11, 2, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


@pytest.fixture(autouse=True)
def midday(request):
    if request.node.get_closest_marker("browser"):
        # A live server and Chromium need a running clock; the journey builds its times from now.
        yield None
        return
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def staff(user_factory):
    return {
        role: user_factory(email=f"{role.lower().replace(' ', '.')}@dinas.test", roles=[role])
        for role in roles.STAFF_ROLES
    }


def make_course():
    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = CourseIndexPageFactory(parent=home)
    start = timezone.localdate() + datetime.timedelta(days=21)
    return CoursePageFactory(parent=catalogue, start_date=start, end_date=start + datetime.timedelta(days=2))


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def training(staff, course):
    """A submitted plan (SOP 003 step 2 next) with three invited regions and a budget."""
    plan = RegionalTrainingFactory(course=course, created_by=staff[roles.ADMIN_OFFICER])
    add_regions(plan)
    services.perform(plan, "submit", staff[roles.ADMIN_OFFICER])
    return plan


@pytest.fixture
def client(client):
    """Pages in English (the language switcher's cookie), so assertions read the msgids."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def english(request):
    """Service-level messages in English too (requests activate their own language)."""
    from django.utils import translation

    if request.node.get_closest_marker("browser"):
        yield
        return
    with translation.override("en"):
        yield
