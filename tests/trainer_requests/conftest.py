import datetime

import pytest

from django.core.cache import cache
from django.utils import translation

from accounts import roles
from categories.factories import CategoryFactory
from procedures import services
from trainer_requests.factories import TrainerRequestFactory, make_trainer


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english():
    """Assertions on labels use the English msgids; letters are rendered in Indonesian regardless."""
    with translation.override("en"):
        yield


@pytest.fixture
def staff(user_factory):
    return {
        "teknis": user_factory(email="teknis@kantor.test", roles=[roles.TECHNICAL_OFFICER]),
        "kabid": user_factory(email="kabid@kantor.test", roles=[roles.HEAD_OF_UNIT]),
        "kadis": user_factory(email="kadis@kantor.test", roles=[roles.HEAD_OF_OFFICE]),
    }


@pytest.fixture
def category(db):
    return CategoryFactory(name="Koperasi", slug="koperasi")


@pytest.fixture
def trainer_user(user_factory):
    return user_factory(email="narasumber@kantor.test", first_name="Made", last_name="Wirawan")


@pytest.fixture
def trainer(trainer_user, category):
    return make_trainer("Dr. Made Wirawan, M.M.", user=trainer_user, expertise=[category])


@pytest.fixture
def other_trainer(user_factory, category):
    return make_trainer("Ir. Sri Handayani", user=user_factory(email="sri@kantor.test"), expertise=[category])


def advance(trainer_request, staff, to, trainers=(), override_reason=""):
    """Drive a request through the SOP up to state ``to`` with the right roles."""
    if trainer_request.state == "unconfirmed":
        services.perform(trainer_request, "confirm", None, system=True)
    path = [
        ("incoming", "receive", "teknis", {}),
        ("received", "record", "teknis", {"agenda_number": "005/AG/2027", "agenda_date": datetime.date(2027, 3, 1)}),
        ("analysis", "submit_analysis", "kabid", {"analysis": "Materi pembukuan koperasi sesuai bidang UMKM."}),
    ]
    for state, name, who, data in path:
        if trainer_request.state == to:
            return trainer_request
        if trainer_request.state == state:
            services.perform(trainer_request, name, staff[who], data=data)
    if trainer_request.state == to:
        return trainer_request
    if trainer_request.state == "decision":
        data = {
            "trainers": list(trainers),
            "override_conflicts": bool(override_reason),
            "override_reason": override_reason,
            "conflicts": {},
        }
        services.perform(trainer_request, "approve", staff["kadis"], data=data)
    if trainer_request.state == to:
        return trainer_request
    services.perform(trainer_request, "issue_letters", staff["teknis"])
    return trainer_request


@pytest.fixture
def new_request(category):
    def make(**kwargs):
        kwargs.setdefault("category", category)
        return TrainerRequestFactory(**kwargs)

    return make
