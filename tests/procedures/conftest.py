import datetime
import zoneinfo

import pytest
import time_machine

from accounts import roles
from procedures import services

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
# A Monday at 09:00 office time: every step's standard fits in the same office day.
MONDAY_9 = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=JAKARTA)


@pytest.fixture
def monday_morning():
    with time_machine.travel(MONDAY_9, tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff(user_factory):
    """One user per office role, keyed by role name."""
    return {
        role: user_factory(email=f"{role.lower().replace(' ', '.')}@dinas.test", roles=[role])
        for role in roles.STAFF_ROLES
    }


@pytest.fixture
def submitted(db, user_factory):
    """A sent errand of the tests-only ``casework`` app (``tests/casework``): the core's own test case."""
    from tests.casework.factories import ErrandFactory

    def make(**kwargs):
        errand = ErrandFactory(**kwargs)
        services.perform(errand, "submit", errand.user)
        return errand

    return make


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
