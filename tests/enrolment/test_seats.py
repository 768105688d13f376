"""SOP step 2 with seats: acceptance, the waiting list, promotion, and the last-seat race."""

import threading

import pytest

from django.conf import settings
from django.core import mail
from django.db import connections

from courses.models import SeatCount
from enrolment import seats as seats_module
from enrolment import services
from enrolment.factories import EnrolmentFactory, ParticipantFactory
from enrolment.models import Enrolment
from procedures import services as core

from .conftest import accept

pytestmark = pytest.mark.django_db


def seats(course):
    return SeatCount.objects.get(course=course)


def test_accept_takes_a_seat_and_full_class_waitlists_with_position(
    course, submitted, officer, django_capture_on_commit_callbacks
):
    first, second, third, fourth = (submitted(course) for _ in range(4))
    with django_capture_on_commit_callbacks(execute=True):
        for enrolment in (first, second, third, fourth):
            accept(enrolment, officer)
    assert [e.state for e in (first, second, third, fourth)] == ["accepted", "accepted", "waitlisted", "waitlisted"]
    assert {first.seat_number, second.seat_number} == {1, 2}
    assert third.seat_number is None
    assert (third.waitlist_position, fourth.waitlist_position) == (1, 2)
    assert (seats(course).accepted, seats(course).waitlisted) == (2, 2)
    waitlist_mails = [m for m in mail.outbox if third.participant.email in m.to and "number 1" in m.subject]
    assert waitlist_mails, [m.subject for m in mail.outbox]


def test_withdrawal_promotes_the_first_waiting_and_notifies(
    course, submitted, officer, user_factory, django_capture_on_commit_callbacks
):
    user = user_factory()
    leaving = submitted(course, user=user)
    other = submitted(course)
    waiting_first, waiting_second = submitted(course), submitted(course)
    for enrolment in (leaving, other, waiting_first, waiting_second):
        accept(enrolment, officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(leaving, user)
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    leaving.refresh_from_db()
    assert leaving.state == "withdrawn" and leaving.seat_number is None
    assert waiting_first.state == "accepted"
    assert waiting_first.seat_number == 1 or waiting_first.seat_number == 2
    assert waiting_second.state == "waitlisted" and waiting_second.waitlist_position == 1
    assert (seats(course).accepted, seats(course).waitlisted) == (2, 1)
    assert any(waiting_first.participant.email in m.to and "seat" in m.subject.lower() for m in mail.outbox)


def test_removal_by_staff_promotes_too(course, submitted, officer):
    removed, kept, waiting = submitted(course), submitted(course), submitted(course)
    for enrolment in (removed, kept, waiting):
        accept(enrolment, officer)
    core.perform(removed, "remove", officer, note="Tidak memenuhi syarat usia")
    waiting.refresh_from_db()
    assert waiting.state == "accepted"
    assert seats(course).accepted == 2


def test_the_seat_rule_holds_on_every_path_through_the_core(course, submitted, officer):
    """ "accept" declares the seat rule, so even a bare core call waitlists on a full class."""
    for enrolment in (submitted(course), submitted(course)):
        accept(enrolment, officer)
    extra = submitted(course)
    event = core.perform(extra, "accept", officer)
    assert (event.transition, extra.state) == ("waitlist", "waitlisted")
    assert (seats(course).accepted, seats(course).waitlisted) == (2, 1)


def test_a_seat_past_capacity_is_refused_even_to_the_portal(course, submitted, officer):
    """The capacity check of the seat effects refuses a promotion the rule would not allow (e.g. a shrunk class)."""
    first, second, waiting = submitted(course), submitted(course), submitted(course)
    for enrolment in (first, second, waiting):
        accept(enrolment, officer)
    assert waiting.state == "waitlisted"
    with pytest.raises(seats_module.SeatsFull):
        core.perform(waiting, "promote", None, system=True)
    waiting.refresh_from_db()
    assert waiting.state == "waitlisted"
    assert seats(course).accepted == 2


def test_unlimited_class_accepts_everyone(catalogue, submitted, officer):
    from courses.factories import CoursePageFactory

    course = CoursePageFactory(parent=catalogue, capacity=None)
    for _ in range(3):
        assert accept(submitted(course), officer).state == "accepted"
    assert seats(course).accepted == 3


def test_withdrawal_after_the_class_started_is_refused(running_course, submitted, officer, user_factory):
    user = user_factory()
    enrolment = accept(submitted(running_course, user=user), officer)
    assert not enrolment.may_withdraw()
    with pytest.raises(core.TransitionNotAllowed):
        services.withdraw(enrolment, user)


ON_SQLITE = "sqlite" in settings.DATABASES["default"]["ENGINE"]


@pytest.mark.postgres
@pytest.mark.skipif(ON_SQLITE, reason="Row locks (SELECT … FOR UPDATE) need PostgreSQL; SQLite serialises writers.")
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_accepts_for_the_last_seat():
    """50 pending registrations, 50 simultaneous "accept" actions, one seat: 1 accepted, 49 waiting."""
    from django.contrib.auth.models import Group

    from wagtail.models import Locale, Page

    from accounts.factories import UserFactory
    from courses.factories import CoursePageFactory

    # Self-contained: a transactional test must not rely on data other tests may have flushed.
    Group.objects.get_or_create(name="Petugas Administrasi")
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    officer = UserFactory(roles=["Petugas Administrasi"])
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    course = CoursePageFactory(parent=root, capacity=1)
    pending = []
    for _ in range(50):
        enrolment = EnrolmentFactory(participant=ParticipantFactory(), course=course)
        core.perform(enrolment, "submit", None, system=True)
        pending.append(enrolment.pk)
    barrier = threading.Barrier(50)
    errors = []

    def attempt(pk):
        try:
            enrolment = Enrolment.objects.get(pk=pk)
            barrier.wait()
            services.decide(enrolment, officer)
        except Exception as error:  # noqa: BLE001 - every failure is reported by the assertion below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(pk,)) for pk in pending]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    states = list(Enrolment.objects.filter(course=course).values_list("state", flat=True))
    assert states.count("accepted") == 1
    assert states.count("waitlisted") == 49
    counter = SeatCount.objects.get(course=course)
    assert (counter.accepted, counter.waitlisted) == (1, 49)
    positions = sorted(e.waitlist_position for e in Enrolment.objects.filter(course=course, state="waitlisted"))
    assert positions == list(range(1, 50))
