import smtplib
from datetime import timedelta
from unittest import mock

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from consultations.models import Consultation
from procedures.models import OutboxMessage
from procedures.outbox import queue_email, send_pending

pytestmark = pytest.mark.django_db


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


def test_same_key_is_queued_once():
    first = queue_email(
        ["a@contoh.test"],
        "Subjek",
        "procedures/email/staff_queue.txt",
        {"case": None, "step": None},
        key="k1",
        send_now=False,
    )
    second = queue_email(
        ["a@contoh.test"],
        "Subjek",
        "procedures/email/staff_queue.txt",
        {"case": None, "step": None},
        key="k1",
        send_now=False,
    )
    assert first.pk == second.pk and OutboxMessage.objects.count() == 1


def test_sent_messages_are_not_sent_again():
    message = queue_email(["b@contoh.test"], "Halo", "procedures/email/staff_queue.txt", {}, send_now=False)
    assert send_pending() == (1, 0)
    assert send_pending() == (0, 0)
    message.refresh_from_db()
    assert message.sent_at and len(mail.outbox) == 1


def test_private_files_are_attached_when_sending(submitted):
    from procedures.letters import issue_letter

    letter = issue_letter(
        kind="uji", code="UJI", subject="Surat uji", addressee="Penerima", body="Isi.", case=submitted()
    )
    queue_email(
        ["c@contoh.test"],
        "Surat",
        "procedures/email/staff_queue.txt",
        {},
        send_now=False,
        attachments=[("surat.pdf", letter.pdf, "application/pdf")],
    )
    assert send_pending()[1] == 0
    sent = [m for m in mail.outbox if m.to == ["c@contoh.test"]][0]
    ((filename, content, mimetype),) = sent.attachments
    assert filename == "surat.pdf" and mimetype == "application/pdf" and content.startswith(b"%PDF")
