"""The resource-person request follows its SOP ("Permintaan Narasumber"), read from the library's
data file: step 1 is the technical officer receiving the letter, however it arrived; the email
confirmation of the online form is no SOP step; the actors of each step agree with the roles."""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from procedures import services
from sops import library
from trainer_requests.factories import request_letter_pdf
from trainer_requests.models import TrainerRequest
from trainer_requests.procedure import CODE, PROCEDURE, SOP_ACTORS

ENTRY = library.for_procedure(CODE)


def test_every_step_of_the_sop_is_a_step_of_the_process():
    covered = {step.sop_step for step in PROCEDURE.steps if step.sop_step}
    assert covered == set(ENTRY.step_labels())


@pytest.mark.parametrize("step", [s for s in PROCEDURE.steps if s.sop_step], ids=lambda step: step.state)
def test_the_actors_of_each_sop_step_are_the_roles_of_its_process_step(step):
    sop_step = ENTRY.step(step.sop_step)
    assert {SOP_ACTORS[actor] for actor in sop_step.actors} == set(step.roles), step.state


def test_step_one_is_the_technical_officer_receiving_the_letter_not_the_email_click():
    first = next(step for step in PROCEDURE.steps if step.sop_step == "1")
    assert {SOP_ACTORS[actor] for actor in ENTRY.step("1").actors} == set(first.roles)
    # The online form's email confirmation is the portal's check, hidden from staff and untimed.
    confirm = PROCEDURE.transition("confirm")
    assert confirm.target == first.state
    assert all(PROCEDURE.step(source).sop_step is None for source in confirm.sources)
    assert set(confirm.sources) <= set(PROCEDURE.hidden_states)


@pytest.mark.django_db
def test_an_online_letter_waits_for_step_one_on_the_sop_clock(staff, new_request):
    trainer_request = new_request()
    services.perform(trainer_request, "confirm", None, system=True)
    assert trainer_request.state == "incoming"
    minutes = services.office_calendar().minutes_between(
        trainer_request.state_entered_at, trainer_request.state_due_at
    )
    assert minutes == ENTRY.step("1").time_value == 5
    services.perform(trainer_request, "receive", staff["teknis"])
    assert trainer_request.state == "received"


def staff_form(category, **overrides):
    start = datetime.date.today() + datetime.timedelta(days=20)
    data = {
        "received_via": "whatsapp",
        "organisation_name": "BUMDes Sumber Makmur",
        "organisation_type": "village",
        "address": "Jl. Raya Tegaldlimo 5",
        "regency": "Kabupaten Banyuwangi",
        "applicant_name": "Pak Harun",
        "phone": "081234567890",
        "applicant_email": "",
        "topic": "Pembukuan BUMDes dan laporan keuangan desa.",
        "category": category.pk,
        "event_title": "Bimtek Pembukuan BUMDes",
        "start_date": start.isoformat(),
        "end_date": start.isoformat(),
        "start_time": "08:00",
        "end_time": "12:00",
        "mode": "in_person",
        "location": "Balai Desa Tegaldlimo",
        "audience_size": "30",
        "audience_profile": "Pengurus BUMDes",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_the_technical_officer_registers_a_letter_received_by_whatsapp(client, staff, category):
    client.force_login(staff["teknis"])
    add_url = reverse("trainer-requests:add")
    page = client.get(add_url)
    assert page.status_code == 200
    assert 'name="received_via"' in page.content.decode()
    channels = [value for value, _label in page.context["form"].fields["received_via"].choices]
    assert channels == ["paper", "whatsapp", "email"]
    letter = SimpleUploadedFile("surat-bumdes.pdf", request_letter_pdf("BUMDes Sumber Makmur"), "application/pdf")
    response = client.post(add_url, {**staff_form(category), "letter": letter})
    assert response.status_code == 302, response.content.decode()[:2000]
    trainer_request = TrainerRequest.objects.get(organisation_name="BUMDes Sumber Makmur")
    assert response["Location"] == reverse("trainer-requests:inspect", args=[trainer_request.pk])
    # Registering is step 1: the case is numbered and waits for step 2, recording and archiving.
    assert trainer_request.state == "received" and trainer_request.tracking_number.startswith("PNR-")
    assert trainer_request.received_via == "whatsapp" and trainer_request.registered_by == staff["teknis"]
    assert trainer_request.letter_name == "surat-bumdes.pdf"
    event = trainer_request.events().get()
    assert event.transition == "register" and event.actor == staff["teknis"] and event.from_state == "unconfirmed"
    assert "BUMDes Sumber Makmur" in client.get(reverse("trainer-requests:index")).content.decode()
    # ... and goes on like any request.
    services.perform(
        trainer_request,
        "record",
        staff["teknis"],
        data={"agenda_number": "005/12/2027", "agenda_date": datetime.date(2027, 3, 1)},
    )
    assert trainer_request.state == "analysis"


@pytest.mark.django_db
def test_only_the_technical_officer_registers_letters(client, staff, category):
    client.force_login(staff["kadis"])
    assert client.get(reverse("trainer-requests:add")).status_code in (302, 403)
    letter = SimpleUploadedFile("surat.pdf", request_letter_pdf(), "application/pdf")
    client.post(reverse("trainer-requests:add"), {**staff_form(category), "letter": letter})
    assert not TrainerRequest.objects.exists()


@pytest.mark.django_db
def test_an_online_request_cannot_be_registered_past_its_email_check(staff, new_request):
    trainer_request = new_request()
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(trainer_request, "register", staff["teknis"])
