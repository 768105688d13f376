import smtplib
from datetime import timedelta
from unittest import mock

import pytest

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from consultations.models import Consultation
from procedures import services
from procedures.models import OutboxMessage
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


def test_asking_requires_an_account(client):
    response = client.get(reverse("consultations:ask"))
    assert response.status_code == 302 and "/akun/login/" in response.url


def test_question_is_received_with_a_tracking_number(client, user_factory):
    user = user_factory()
    client.force_login(user)
    response = client.post(reverse("consultations:ask"), VALID)
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and response.url == reverse("consultations:detail", args=[consultation.pk])
    assert consultation.user == user and consultation.state == "received"
    page = client.get(response.url).content.decode()
    assert consultation.tracking_number in page and consultation.get_status_url() in page


def test_errors_keep_what_was_typed(client, user_factory):
    client.force_login(user_factory())
    response = client.post(reverse("consultations:ask"), {**VALID, "consent": "", "question": "Pertanyaan saya"})
    assert response.status_code == 200 and Consultation.objects.count() == 0
    content = response.content.decode()
    assert "Pertanyaan saya" in content and "Toko sepi" in content and 'class="error-summary"' in content


@pytest.mark.parametrize(
    "name,content",
    [
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 200),
        ("gambar.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
)
def test_bad_uploads_are_refused_with_a_message(client, user_factory, name, content):
    client.force_login(user_factory())
    response = client.post(reverse("consultations:ask"), {**VALID, "attachment": SimpleUploadedFile(name, content)})
    assert response.status_code == 200 and Consultation.objects.count() == 0
    assert response.context["form"].errors["attachment"]


def test_other_peoples_consultations_and_files_are_404(client, user_factory, staff):
    owner, stranger = user_factory(), user_factory()
    client.force_login(owner)
    client.post(reverse("consultations:ask"), {**VALID, "attachment": SimpleUploadedFile("a.pdf", PDF_BYTES)})
    consultation = Consultation.objects.get()
    assert client.get(reverse("consultations:download", args=[consultation.pk, "attachment"])).status_code == 200
    client.force_login(stranger)
    assert client.get(reverse("consultations:detail", args=[consultation.pk])).status_code == 404
    assert client.get(reverse("consultations:download", args=[consultation.pk, "attachment"])).status_code == 404


def test_the_answer_letter_reaches_the_alumnus(client, user_factory, staff):
    user = user_factory()
    client.force_login(user)
    client.post(reverse("consultations:ask"), VALID)
    consultation = Consultation.objects.get()
    services.perform(consultation, "forward", staff[roles.TEAM_MEMBER])
    services.perform(consultation, "propose", staff[roles.TEAM_LEAD], data={"answer": "Perbaiki judul produk."})
    services.perform(consultation, "unit_approve", staff[roles.HEAD_OF_UNIT], data={"answer": "Perbaiki judul."})
    services.perform(consultation, "office_approve", staff[roles.HEAD_OF_OFFICE])
    services.perform(consultation, "order_documentation", staff[roles.TEAM_LEAD])
    services.perform(consultation, "send_answer", staff[roles.TEAM_MEMBER])
    page = client.get(reverse("consultations:detail", args=[consultation.pk]))
    letter = consultation.letters().get()
    assert "Perbaiki judul." in page.content.decode()
    response = client.get(reverse("consultations:download", args=[consultation.pk, f"letter-{letter.pk}"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.fixture
def staff(user_factory):
    return {role: user_factory(roles=[role]) for role in roles.STAFF_ROLES}


def test_mail_outage_during_submit_loses_nothing_and_sends_later(
    client, user_factory, django_capture_on_commit_callbacks
):
    user = user_factory()
    client.force_login(user)
    data = {
        "applicant_name": "Bagus Prasetyo",
        "applicant_email": user.email,
        "training": "Pembukuan UMKM",
        "subject": "Kas tercampur",
        "question": "Bagaimana memisahkan kas?",
        "consent": "on",
    }
    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=smtplib.SMTPException("mail server down"),
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/konsultasi/", data)
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.tracking_number and consultation.state == "received"
    pending = OutboxMessage.objects.filter(sent_at=None, recipients=[user.email]).get()
    assert pending.attempts == 1 and "mail server down" in pending.last_error
    assert mail.outbox == []

    OutboxMessage.objects.update(available_at=timezone.now() - timedelta(seconds=1))
    call_command("send_outbox", stdout=mock.Mock())
    call_command("send_outbox", stdout=mock.Mock())
    to_applicant = [m for m in mail.outbox if m.to == [user.email]]
    assert len(to_applicant) == 1, "sent exactly once"
    assert consultation.tracking_number in to_applicant[0].subject
    assert consultation.get_absolute_status_url() in to_applicant[0].body
