"""SOP "Pendaftaran Narasumber" step 5: "if approved, continue with confirming the training schedule"
is a real step: the approval proposes training dates and the approved trainer confirms them in /saya/."""

import pytest

from django.urls import reverse

from accounts import roles
from procedures import services
from sops import library
from trainers.forms import DecisionForm
from trainers.procedure import CODE, PROCEDURE

pytestmark = pytest.mark.django_db

DATES = "Pelatihan Tari Gandrung Angkatan II, 12–14 Maret 2027, 08.00–15.00 WIB, Aula Dinas"


def test_the_sop_step_five_continues_with_the_schedule_confirmation():
    sop_five = library.for_procedure(CODE).step("5")
    assert "konfirmasi jadwal diklat" in sop_five.activity
    approve = PROCEDURE.transition("approve")
    waiting = PROCEDURE.step(approve.target)
    assert not waiting.final and waiting.applicant_acts
    answers = {t.name: t for t in PROCEDURE.transitions_from(waiting.state)}
    assert set(answers) == {"confirm_schedule", "decline_schedule"}
    assert all(t.by_applicant for t in answers.values())
    assert PROCEDURE.step(answers["confirm_schedule"].target).final


def test_the_approval_proposes_the_dates(application_at, staff):
    application = application_at("decision")
    transition = PROCEDURE.transition("approve")
    form = DecisionForm(
        {"approve-version": application.version},
        prefix="approve",
        case=application,
        transition=transition,
        user=staff[roles.HEAD_OF_UNIT],
    )
    assert not form.is_valid() and "proposed_schedule" in form.errors


def approve(application, staff):
    services.perform(application, "approve", staff[roles.HEAD_OF_UNIT], data={"proposed_schedule": DATES})
    application.refresh_from_db()
    return application


def test_the_approved_trainer_confirms_the_dates_in_the_member_area(client, application_at, staff, directory):
    application = approve(application_at("decision"), staff)
    assert application.state == "schedule_confirmation" and application.proposed_schedule == DATES
    trainer = application.user
    client.force_login(trainer)
    member_area = client.get(reverse("accounts:member_area")).content.decode()
    assert reverse("trainers:application", args=[application.pk]) + "#jadwal" in member_area
    detail = client.get(reverse("trainers:application", args=[application.pk])).content.decode()
    assert "12–14 Maret 2027" in detail and 'name="answer"' in detail
    response = client.post(reverse("trainers:answer_schedule", args=[application.pk]), {"answer": "confirm_schedule"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "approved" and application.is_closed
    assert application.schedule_answered_at is not None
    event = application.events().last()
    assert event.transition == "confirm_schedule" and event.actor == trainer
    assert event.from_state == "schedule_confirmation"


def test_a_trainer_who_cannot_come_gets_other_dates(client, application_at, staff, directory, user_factory):
    application = approve(application_at("decision"), staff)
    url = reverse("trainers:answer_schedule", args=[application.pk])
    # Someone else cannot answer for the trainer.
    client.force_login(user_factory())
    assert client.post(url, {"answer": "confirm_schedule"}).status_code == 404
    client.force_login(application.user)
    assert client.post(url, {"answer": "decline_schedule"}).status_code == 200  # the reason is required
    client.post(url, {"answer": "decline_schedule", "note": "Saya bertugas di luar kota; April bisa."})
    application.refresh_from_db()
    assert application.state == "rescheduling"
    assert application.schedule_answer == "Saya bertugas di luar kota; April bisa."
    # The head of unit proposes other dates; the trainer is asked again.
    services.perform(
        application, "propose_dates", staff[roles.HEAD_OF_UNIT], data={"proposed_schedule": "9–11 April 2027"}
    )
    application.refresh_from_db()
    assert application.state == "schedule_confirmation" and application.proposed_schedule == "9–11 April 2027"
    client.post(url, {"answer": "confirm_schedule"})
    application.refresh_from_db()
    assert application.state == "approved"
