"""Nothing gets stuck: a trainer without an account answers by phone, and the technical officer
records the confirmation or refusal, with a note of the call."""

import pytest

from django.urls import reverse

from procedures import services
from trainer_requests.factories import make_trainer
from trainer_requests.models import TrainerAssignment

from .conftest import advance

pytestmark = pytest.mark.django_db


@pytest.fixture
def offline_trainer(category):
    return make_trainer("Hj. Siti Aminah", user=None, expertise=[category])


def test_the_technical_officer_records_a_confirmation_by_phone(client, staff, offline_trainer, new_request):
    trainer_request = advance(new_request(), staff, "trainer_confirmation", trainers=[offline_trainer])
    assignment = trainer_request.assignments.get()
    assert offline_trainer.user is None
    # The technical officer sees the action on the case screen and records the call there.
    client.force_login(staff["teknis"])
    url = reverse("trainer-requests:inspect", args=[trainer_request.pk])
    body = client.get(url).content.decode()
    assert 'name="phone_confirm_last-assignment"' in body and "Hj. Siti Aminah (tanpa akun)" in body
    response = client.post(
        url,
        {
            "transition": "phone_confirm_last",
            "phone_confirm_last-version": trainer_request.version,
            "phone_confirm_last-assignment": assignment.pk,
            "phone_confirm_last-note": "Ditelepon 10.15 WIB, beliau bersedia hadir.",
        },
    )
    assert response.status_code == 302
    trainer_request.refresh_from_db()
    assignment.refresh_from_db()
    assert trainer_request.state == "scheduled"
    assert assignment.status == TrainerAssignment.Status.CONFIRMED
    assert assignment.recorded_by == staff["teknis"]
    assert assignment.answer_note == "Ditelepon 10.15 WIB, beliau bersedia hadir."
    event = trainer_request.events().last()
    assert event.transition == "phone_confirm_last" and event.actor == staff["teknis"]
    assert "bersedia hadir" in event.note


def test_a_note_of_the_call_is_required(staff, offline_trainer, new_request):
    trainer_request = advance(new_request(), staff, "trainer_confirmation", trainers=[offline_trainer])
    assignment = trainer_request.assignments.get()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.perform(trainer_request, "phone_confirm_last", staff["teknis"], data={"assignment": assignment})
    assert trainer_request.state == "trainer_confirmation"


def test_only_the_technical_officer_records_phone_answers(staff, offline_trainer, new_request):
    trainer_request = advance(new_request(), staff, "trainer_confirmation", trainers=[offline_trainer])
    for who in ("kabid", "kadis"):
        assert not [
            t for t in services.allowed_transitions(trainer_request, staff[who]) if t.name.startswith("phone_")
        ]
    names = {t.name for t in services.allowed_transitions(trainer_request, staff["teknis"])}
    assert names == {"phone_confirm_last", "phone_decline"}


def test_one_of_two_confirmed_by_phone_waits_for_the_other(client, staff, trainer, offline_trainer, new_request):
    trainer_request = advance(new_request(), staff, "trainer_confirmation", trainers=[trainer, offline_trainer])
    by_phone = trainer_request.assignments.get(trainer=offline_trainer)
    names = {t.name for t in services.allowed_transitions(trainer_request, staff["teknis"])}
    assert names == {"phone_confirm", "phone_decline"}
    services.perform(
        trainer_request,
        "phone_confirm",
        staff["teknis"],
        note="Dikonfirmasi lewat WhatsApp.",
        data={"assignment": by_phone},
    )
    trainer_request.refresh_from_db()
    assert trainer_request.state == "trainer_confirmation"
    # The trainer with an account confirms in /saya/: the request is scheduled.
    online = trainer_request.assignments.get(trainer=trainer)
    client.force_login(trainer.user)
    client.post(reverse("trainer_requests:assignment", args=[online.pk]), {"answer": "confirm"})
    trainer_request.refresh_from_db()
    assert trainer_request.state == "scheduled"
    assert {a.status for a in trainer_request.assignments.all()} == {TrainerAssignment.Status.CONFIRMED}


def test_a_refusal_by_phone_returns_the_request_to_the_head_of_office(staff, offline_trainer, new_request):
    trainer_request = advance(new_request(), staff, "trainer_confirmation", trainers=[offline_trainer])
    assignment = trainer_request.assignments.get()
    services.perform(
        trainer_request,
        "phone_decline",
        staff["teknis"],
        note="Beliau sedang dinas luar kota pada tanggal itu.",
        data={"assignment": assignment},
    )
    trainer_request.refresh_from_db()
    assignment.refresh_from_db()
    assert trainer_request.state == "decision"
    assert assignment.status == TrainerAssignment.Status.DECLINED
    assert assignment.decline_reason == "Beliau sedang dinas luar kota pada tanggal itu."
    assert "by phone, recorded by" in assignment.summary_line()
