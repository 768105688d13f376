"""Transactional email outbox.

Messages are written in the same database transaction as the change they report, then
sent after commit. A mail-server outage leaves them queued with a back-off; the
``send_outbox`` command (cron, every minute) retries. Nothing is lost if the mail server
is down, and a message already marked sent is never sent again.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.links import base_url

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 12


def queue_email(
    recipients, subject, template, context=None, *, key=None, html_template=None, send_now=True, attachments=()
):
    """Render and queue an email; returns the message (or the existing one for a repeated key).

    ``attachments``: ``(filename, fieldfile, mimetype)`` for files already in private storage
    (a letter's PDF, say); they are read when the message is sent, so the outbox stays small.
    """
    from procedures.models import OutboxMessage

    recipients = [address for address in dict.fromkeys(recipients) if address]
    if not recipients:
        return None
    context = {"portal_base_url": base_url(), **(context or {})}
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, context)
        html_body = render_to_string(html_template, context) if html_template else ""
        subject = " ".join(str(subject).split())
    try:
        with transaction.atomic():
            message = OutboxMessage.objects.create(
                recipients=recipients,
                subject=subject[:255],
                body=body,
                html_body=html_body,
                dedupe_key=key,
                attachments=[
                    {"filename": filename, "path": fieldfile.name, "mimetype": mimetype}
                    for filename, fieldfile, mimetype in attachments
                ],
            )
    except IntegrityError:
        return OutboxMessage.objects.get(dedupe_key=key)
    if send_now:
        transaction.on_commit(lambda: send_pending(ids=[message.pk]))
    return message


def _backoff(attempts):
    return timedelta(minutes=min(2**attempts, 240))


def send_pending(ids=None, limit=100):
    """Send due messages; returns (sent, failed). Never raises: failures stay queued."""
    from procedures.models import OutboxMessage

    now = timezone.now()
    sent = failed = 0
    queryset = OutboxMessage.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    else:
        queryset = queryset.filter(available_at__lte=now)
    for pk in list(queryset.order_by("created_at").values_list("pk", flat=True)[:limit]):
        try:
            with transaction.atomic():
                # skip_locked: two workers never send the same message.
                message = (
                    OutboxMessage.objects.select_for_update(skip_locked=True)
                    .filter(pk=pk, sent_at__isnull=True)
                    .first()
                )
                if message is None:
                    continue
                email = EmailMultiAlternatives(
                    message.subject, message.body, settings.DEFAULT_FROM_EMAIL, message.recipients
                )
                if message.html_body:
                    email.attach_alternative(message.html_body, "text/html")
                try:
                    for attachment in message.attachments:
                        with storages["private"].open(attachment["path"], "rb") as handle:
                            email.attach(attachment["filename"], handle.read(), attachment["mimetype"])
                    email.send()
                except Exception as exc:  # SMTP, DNS, timeouts: keep it queued and retry later
                    message.attempts += 1
                    message.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
                    message.available_at = timezone.now() + _backoff(message.attempts)
                    message.save(update_fields=["attempts", "last_error", "available_at"])
                    failed += 1
                    logger.warning("Outbox message %s not sent: %s", pk, message.last_error)
                    continue
                message.attempts += 1
                message.sent_at = timezone.now()
                message.last_error = ""
                message.save(update_fields=["attempts", "sent_at", "last_error"])
                sent += 1
        except Exception:  # a database hiccup must never break the request that queued the mail
            logger.exception("Outbox processing failed for message %s", pk)
            failed += 1
    return sent, failed
