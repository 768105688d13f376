"""Issue 14: a file staff attach to an internal step stays with staff; revoked letters are not the applicant's.

The applicant downloads at ``.../berkas/<key>/`` only their own uploads, attachments staff shared
with them, and letters that are still valid. Staff open every file of the case, revoked letters
marked as such.
"""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from consultations.models import Consultation
from procedures import services
from tests.procedures.test_admin import PDF_BYTES

pytestmark = pytest.mark.django_db

VALID = {
    "applicant_name": "Siti Aminah",
    "applicant_email": "siti@contoh.test",
    "training": "Pemasaran di Marketplace",
    "subject": "Toko sepi",
    "question": "Bagaimana menaikkan kunjungan toko?",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def staff(user_factory):
    return {role: user_factory(roles=[role]) for role in roles.STAFF_ROLES}


@pytest.fixture
def applicant(client, user_factory):
    user = user_factory()
    client.force_login(user)
    client.post(reverse("consultations:ask"), VALID)
    return user


def _download(client, consultation, key):
    return client.get(reverse("consultations:download", args=[consultation.pk, key]))


def _staff_file(client, consultation, key):
    return client.get(reverse("consultation-cases:file", args=[consultation.pk, key]))


def test_internal_draft_attached_by_staff_is_not_the_applicants(client, applicant, staff):
    consultation = Consultation.objects.get()
    services.perform(consultation, "forward", staff[roles.TEAM_MEMBER])
    event = services.perform(
        consultation,
        "propose",
        staff[roles.TEAM_LEAD],
        data={"answer": "Draf jawaban internal."},
        attachment=SimpleUploadedFile("draf.pdf", PDF_BYTES),
    )
    assert event.attachment and not event.attachment_for_applicant

    client.force_login(applicant)
    assert _download(client, consultation, f"event-{event.pk}").status_code == 404

    client.force_login(staff[roles.HEAD_OF_UNIT])
    assert _staff_file(client, consultation, f"event-{event.pk}").status_code == 200


def test_an_attachment_staff_share_reaches_the_applicant(client, applicant, staff):
    consultation = Consultation.objects.get()
    event = services.perform(
        consultation,
        "decline",
        staff[roles.TEAM_MEMBER],
        note="Di luar layanan kami; lihat daftar rujukan terlampir.",
        attachment=SimpleUploadedFile("rujukan.pdf", PDF_BYTES),
        share_attachment=True,
    )
    client.force_login(applicant)
    response = _download(client, consultation, f"event-{event.pk}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_the_staff_form_shares_only_when_ticked(client, applicant, staff):
    consultation = Consultation.objects.get()
    client.force_login(staff[roles.TEAM_MEMBER])
    url = reverse("consultation-cases:inspect", args=[consultation.pk])
    response = client.post(
        url,
        {
            "transition": "forward",
            "forward-version": consultation.version,
            "forward-note": "Untuk ketua tim",
            "forward-attachment": SimpleUploadedFile("memo.pdf", PDF_BYTES),
        },
    )
    assert response.status_code == 302
    event = consultation.events().last()
    assert event.attachment and event.attachment_for_applicant is False


def test_revoked_letters_are_not_the_applicants_but_staff_still_see_them_marked(client, applicant, staff):
    consultation = Consultation.objects.get()
    services.perform(consultation, "forward", staff[roles.TEAM_MEMBER])
    services.perform(consultation, "propose", staff[roles.TEAM_LEAD], data={"answer": "Perbaiki judul produk."})
    services.perform(consultation, "unit_approve", staff[roles.HEAD_OF_UNIT], data={"answer": "Perbaiki judul."})
    services.perform(consultation, "office_approve", staff[roles.HEAD_OF_OFFICE])
    services.perform(consultation, "order_documentation", staff[roles.TEAM_LEAD])
    services.perform(consultation, "send_answer", staff[roles.TEAM_MEMBER])
    letter = consultation.letters().get()
    key = f"letter-{letter.pk}"

    client.force_login(applicant)
    assert _download(client, consultation, key).status_code == 200

    letter.revoked_at = timezone.now()
    letter.revoked_reason = "Salah alamat"
    letter.save()
    assert _download(client, consultation, key).status_code == 404

    client.force_login(staff[roles.TEAM_MEMBER])
    assert _staff_file(client, consultation, key).status_code == 200
    files = client.get(reverse("consultation-cases:inspect", args=[consultation.pk])).context["files"]
    labels = [str(label) for label, _url in files]
    assert any("dicabut" in label for label in labels), labels
