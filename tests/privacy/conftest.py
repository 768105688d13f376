import datetime

import pytest

from django.utils import timezone

from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from enrolment.factories import EnrolmentFactory, ParticipantFactory
from procedures import services as core
from tests.enrolment.conftest import teach

NIK_A = "3510011705900001"
NIK_B = "3510015208910002"


@pytest.fixture
def client(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    return CourseIndexPageFactory(parent=home)


@pytest.fixture
def officer(user_factory):
    return user_factory(email="petugas@contoh.test", roles=["Petugas Administrasi"])


@pytest.fixture
def instructor(user_factory):
    """Teaches class A only."""
    return user_factory(email="instruktur.a@contoh.test", roles=["Instruktur"])


@pytest.fixture
def other_instructor(user_factory):
    """Teaches class B only."""
    return user_factory(email="instruktur.b@contoh.test", roles=["Instruktur"])


@pytest.fixture
def editor(user_factory):
    return user_factory(email="editor@contoh.test", roles=["Editor"])


@pytest.fixture
def superuser(user_factory):
    user = user_factory(email="admin@contoh.test")
    user.is_superuser = user.is_staff = True
    user.save()
    return user


def _class(catalogue, title, days_ago=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    course = CoursePageFactory(parent=catalogue, title=title, capacity=10, start_date=day, end_date=day)
    CourseSessionFactory(page=course, date=day, start_time=datetime.time(8), end_time=datetime.time(10))
    return course


@pytest.fixture
def class_a(catalogue, instructor):
    course = _class(catalogue, "Kelas A Anyaman")
    teach(course, instructor)
    return course


@pytest.fixture
def class_b(catalogue, other_instructor):
    course = _class(catalogue, "Kelas B Batik")
    teach(course, other_instructor)
    return course


@pytest.fixture
def person(user_factory):
    return user_factory(email="sari@contoh.test", first_name="Sari", last_name="Dewi")


def enrol(course, officer, user=None, accept=True, **fields):
    participant = ParticipantFactory(user=user, **fields)
    enrolment = EnrolmentFactory(participant=participant, course=course)
    core.perform(enrolment, "submit", user, system=user is None)
    if accept:
        from enrolment import services

        services.decide(enrolment, officer)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def in_a(class_a, officer, person):
    """Sari's enrolment in class A (her NIK, phone, address and accommodation need are known)."""
    return enrol(
        class_a,
        officer,
        user=person,
        full_name="Sari Dewi",
        nik=NIK_A,
        birth_date=datetime.date(1990, 5, 17),
        gender="male",
        phone="081234567890",
        address="Jl. Melati No. 7, Giri",
        disability="Kursi roda",
        email="sari@contoh.test",
    )


@pytest.fixture
def in_b(class_b, officer, user_factory):
    """Budi's enrolment in class B."""
    other = user_factory(email="budi@contoh.test", first_name="Budi", last_name="Santoso")
    return enrol(
        class_b,
        officer,
        user=other,
        full_name="Budi Santoso",
        nik=NIK_B,
        birth_date=datetime.date(1991, 8, 12),
        gender="female",
        phone="085711112222",
        address="Jl. Kenanga No. 9, Rogojampi",
        disability="Bahasa isyarat",
        email="budi@contoh.test",
    )
