"""SOP 003 end to end on the process core: plan → letters → nominations → enrolments → report."""

import io

import pytest
from pypdf import PdfReader
from wagtail_factories import ImageFactory

from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import roles
from enrolment.models import Enrolment
from events import services
from events.factories import walk
from events.models import FacilityItem, TrainingPhoto
from procedures import services as core
from procedures.models import Letter, OutboxMessage
from sops import library

pytestmark = pytest.mark.django_db


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


NIKS = ["3510014101900001", "3510010202850002", "3510014303920003", "3510010404880004"]


def candidate(nik, name="Siti Rahma"):
    return {
        "full_name": name,
        "nik": nik,
        "phone": "081234567890",
        "email": "",
        "position": "Staf Bidang Pelatihan",
        "agency": "Dinas Tenaga Kerja",
    }


def test_the_whole_sop_003(training, staff, client):
    assert training.state == "approval" and training.tracking_number.startswith("PLT-")
    walk(training, staff, until="close_nominations")
    training.refresh_from_db()
    assert training.state == "nominations"
    # Step 5: three numbered letters on the letterhead, with a verification code.
    letters = Letter.objects.for_case(training)
    assert sorted(letter.kind for letter in letters) == [
        "training_cover_letter",
        "training_decree",
        "training_invitation",
    ]
    assert all(letter.pdf and letter.verification_code for letter in letters)
    # Step 6: every region got its letters and personal link by email, with proof of sending.
    jember, situbondo, _bondowoso = training.regions.order_by("name")[1], training.regions.order_by("name")[2], None
    for region in training.regions.all():
        assert region.sent_at and region.sent_proof
        message = OutboxMessage.objects.get(dedupe_key=f"events:invitation:{region.pk}")
        assert region.get_link_url() in message.body and len(message.attachments) == 3
    # Step 7: two regions nominate through their links.
    services.nominate(jember, candidate(NIKS[0], "Ani Lestari"))
    services.nominate(jember, candidate(NIKS[1], "Budi Santoso"))
    services.nominate(situbondo, candidate(NIKS[2], "Citra Dewi"))
    walk(training, staff, until="finish_training")
    training.refresh_from_db()
    assert training.state == "running"
    enrolments = Enrolment.objects.filter(course=training.course)
    assert {e.participant.full_name for e in enrolments} == {"Ani Lestari", "Budi Santoso", "Citra Dewi"}
    assert {e.state for e in enrolments} == {"verification"}
    assert {e.participant.regency for e in enrolments} == {jember.name, situbondo.name}
    TrainingPhoto.objects.create(training=training, image=ImageFactory(), caption="Praktik mengasap ikan")
    walk(training, staff, until=None)
    training.refresh_from_db()
    assert training.state == "received" and training.report_pdf
    text = pdf_text(training.report_pdf.read())
    assert training.title in text and jember.name in text and "12.900.000" in text
    assert "Photos" in text and "Praktik mengasap ikan" in text and "Average attendance" in text


def test_approval_opens_the_needs_and_the_facilities_checklist(training, staff):
    core.perform(training, "approve", staff[roles.HEAD_OF_UNIT])
    assert training.needs.state == "order" and training.facility_preparation.state == "order"
    names = list(training.facilities.values_list("name", flat=True))
    assert names == list(library.get("penyiapan-sarana-dan-prasarana-diklat").equipment)
    assert {item.name for item in training.facilities_not_ready()} == set(names)


def test_a_plan_sent_back_is_corrected_by_staff(training, staff):
    with pytest.raises(ValidationError):
        core.perform(training, "send_back", staff[roles.HEAD_OF_UNIT])
    core.perform(training, "send_back", staff[roles.HEAD_OF_UNIT], note="Kuota Bondowoso dikurangi.")
    assert training.state == "revision"
    core.perform(training, "resubmit", staff[roles.ADMIN_OFFICER])
    assert training.state == "approval"


def test_the_facilities_are_ready_only_when_every_item_is(training, staff):
    core.perform(training, "approve", staff[roles.HEAD_OF_UNIT])
    preparation = training.facility_preparation
    path = [
        ("dispose", roles.TEAM_LEAD),
        ("report_prepared", roles.TEAM_MEMBER),
        ("inventoried", roles.TEAM_LEAD),
        ("unit_forward", roles.HEAD_OF_UNIT),
        ("level1_approve", roles.HEAD_OF_OFFICE),
        ("order_final", roles.TEAM_LEAD),
    ]
    for name, role in path:
        core.perform(preparation, name, staff[role])
    with pytest.raises(core.TransitionNotAllowed):
        core.perform(preparation, "ready", staff[roles.TEAM_MEMBER])
    training.facilities.update(state=FacilityItem.State.READY)
    core.perform(preparation, "ready", staff[roles.TEAM_MEMBER])
    assert preparation.state == "ready" and not training.facilities_not_ready()


def test_the_needs_go_down_and_up_the_chain_with_send_back(training, staff):
    core.perform(training, "approve", staff[roles.HEAD_OF_UNIT])
    needs = training.needs
    for name, role in [
        ("dispose", roles.TEAM_LEAD),
        ("forward", roles.TEAM_MEMBER),
        ("order_preparation", roles.HEAD_OF_UNIT),
    ]:
        core.perform(needs, name, staff[role])
    core.perform(needs, "prepare", staff[roles.HEAD_OF_UNIT], data={"needs": "ATK 40 set, konsumsi 3 hari"})
    core.perform(needs, "send_draft", staff[roles.HEAD_OF_UNIT], data={"needs": "ATK 40 set, konsumsi 3 hari"})
    core.perform(needs, "member_agree", staff[roles.TEAM_MEMBER], data={"needs": "ATK 40 set"})
    core.perform(needs, "lead_return", staff[roles.TEAM_LEAD], note="Tambahkan modul cetak.")
    assert needs.state == "member_check"
    core.perform(needs, "member_agree", staff[roles.TEAM_MEMBER], data={"needs": "ATK 40 set, modul cetak 40"})
    core.perform(needs, "lead_agree", staff[roles.TEAM_LEAD], data={"needs": "ATK 40 set, modul cetak 40"})
    core.perform(needs, "level1_return", staff[roles.HEAD_OF_OFFICE], note="Perbaiki anggaran.")
    assert needs.state == "unit_draft"
    needs.refresh_from_db()
    assert needs.needs == "ATK 40 set, modul cetak 40"


def test_the_nomination_page_works_on_the_link(training, staff, client):
    walk(training, staff, until="close_nominations")
    region = training.regions.order_by("name").first()
    response = client.get(reverse("events:nominate", args=[region.token]))
    content = response.content.decode()
    assert response.status_code == 200 and region.name in content and training.title in content
    region.refresh_from_db()
    assert region.receipt_at is not None
    response = client.post(reverse("events:nominate", args=[region.token]), {"action": "add", **candidate(NIKS[0])})
    assert response.status_code == 302 and region.candidates.get().nik == NIKS[0]


def test_an_unknown_link_is_not_found(client, training):
    assert client.get(reverse("events:nominate", args=["nothing-here"])).status_code == 404
