import pytest

from django.core import mail

from procedures.models import OutboxMessage
from procedures.outbox import queue_email, send_pending

pytestmark = pytest.mark.django_db


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
