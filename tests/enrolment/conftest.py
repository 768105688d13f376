import datetime

import pytest

from django.utils import timezone

from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from enrolment import services
from enrolment.factories import EnrolmentFactory, ParticipantFactory


@pytest.fixture
def catalogue(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    return CourseIndexPageFactory(parent=home)


def teach(course, user):
    """Link ``user``'s trainer profile to ``course`` as a class trainer (instructors work only their classes)."""
    from courses.models import CourseTrainer
    from trainers.factories import TrainerIndexPageFactory, TrainerPageFactory
    from trainers.models import TrainerIndexPage, TrainerPage

    profile = TrainerPage.objects.filter(user=user).first()
    if profile is None:
        home = Site.objects.get(is_default_site=True).root_page.specific
        index = TrainerIndexPage.objects.first() or TrainerIndexPageFactory(parent=home)
        profile = TrainerPageFactory(parent=index, user=user, title=f"Narasumber {user.pk}")
    CourseTrainer.objects.create(page=course, trainer=profile)
    return profile


@pytest.fixture
def course(catalogue, instructor):
    course = CoursePageFactory(parent=catalogue, capacity=2)
    teach(course, instructor)
    return course


@pytest.fixture
def officer(user_factory):
    return user_factory(email="petugas@contoh.test", roles=["Petugas Administrasi"])


@pytest.fixture
def instructor(user_factory):
    return user_factory(email="instruktur@contoh.test", roles=["Instruktur"])


@pytest.fixture
def submitted(officer):
    """``submitted(course, **participant_fields)``: an enrolment waiting for verification."""

    def make(course, user=None, **fields):
        participant = ParticipantFactory(user=user, **fields)
        enrolment = EnrolmentFactory(participant=participant, course=course)
        from procedures import services as core

        core.perform(enrolment, "submit", user, system=user is None)
        return enrolment

    return make


@pytest.fixture
def running_course(catalogue, instructor):
    """A class that started an hour ago with one material session now and a finished one earlier."""
    now = timezone.localtime()
    course = CoursePageFactory(parent=catalogue, capacity=10, start_date=now.date(), end_date=now.date())
    teach(course, instructor)
    return course


def session_around(course, now, kind="material", before=30, after=30, title="Sesi"):
    starts = now - datetime.timedelta(minutes=before)
    ends = now + datetime.timedelta(minutes=after)
    # Near midnight the slot is clipped to now's day, never stretched over the whole day.
    start = starts.time() if starts.date() == now.date() else datetime.time(0, 0)
    end = ends.time() if ends.date() == now.date() else datetime.time(23, 59)
    start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
    return CourseSessionFactory(page=course, date=now.date(), start_time=start, end_time=end, kind=kind, title=title)


def accept(enrolment, officer):
    services.decide(enrolment, officer)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def client(client):
    """Pages in English (the language switcher's cookie), so assertions read the msgids."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def english():
    """Service-level messages in English too (requests activate their own language)."""
    from django.utils import translation

    with translation.override("en"):
        yield
