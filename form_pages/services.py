"""Saving a form submission: files to private storage, the record, then emails on commit."""

import logging

from django.db import transaction
from django.utils import timezone

from form_pages.forms import HONEYPOT_FIELD
from form_pages.models import FormPageSubmission, FormUpload
from portal.ratelimit import is_limited
from portal.uploads import sniff

logger = logging.getLogger(__name__)

#: At most this many confirmation emails go to one address a day, whoever sends the form.
CONFIRMATIONS_PER_ADDRESS = 3


@transaction.atomic
def submit(page, form, user=None):
    """Store one submission of ``page`` from a valid ``form``; returns the submission."""
    data = {name: value for name, value in form.cleaned_data.items() if name != HONEYPOT_FIELD}
    uploads = []
    for name in page.file_field_names():
        uploaded = data.get(name)
        if not uploaded:
            data[name] = ""
            continue
        upload = FormUpload(
            page=page,
            field_name=name,
            original_name=uploaded.name[:255],
            content_type=sniff(uploaded) or "application/octet-stream",
            size=uploaded.size,
        )
        upload.file.save(uploaded.name, uploaded, save=False)
        upload.save()
        uploads.append(upload)
        data[name] = upload.full_url
    submission = FormPageSubmission.objects.create(
        page=page, form_data=data, user=user if user is not None and user.is_authenticated else None
    )
    FormUpload.objects.filter(pk__in=[upload.pk for upload in uploads]).update(submission=submission)
    _queue_emails(page, form, submission, data)
    return submission


def _queue_emails(page, form, submission, data):
    from procedures.outbox import queue_email

    if page.to_address:
        rows = [(field.label, _display(data.get(name))) for name, field in form.fields.items() if name in data]
        queue_email(
            [address.strip() for address in page.to_address.split(",")],
            page.subject or page.title,
            "form_pages/email/office_copy.txt",
            {"page": page, "submission": submission, "rows": rows},
            key=f"form-office-{submission.pk}",
        )
    email_field = page.email_field_name()
    address = (data.get(email_field) or "").strip() if email_field else ""
    if page.confirmation_text and address:
        if is_limited("form-confirmation", address.lower(), CONFIRMATIONS_PER_ADDRESS, 24 * 3600):
            logger.warning("form confirmation to one address limited (page %s)", page.pk)
            return
        queue_email(
            [address],
            page.title,
            "form_pages/email/confirmation.txt",
            {"page": page, "submission": submission, "sent_at": timezone.localtime(submission.submit_time)},
            key=f"form-confirmation-{submission.pk}",
        )


def _display(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)
