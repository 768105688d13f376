"""Retention of form submissions: after a page's ``retention_days`` they are archived or deleted.

Archiving writes the expired submissions of a page to one formula-safe CSV file in private
storage (a ``SubmissionArchive`` staff can download) and then removes them and their files
from the live tables, so personal data does not linger in the working screens.
"""

import csv
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from form_pages.exports import formula_safe
from form_pages.models import FormPage, FormPageSubmission, SubmissionArchive


@dataclass
class RetentionResult:
    page: FormPage
    action: str
    count: int


def expired_submissions(page, now=None):
    cutoff = (now or timezone.now()) - timezone.timedelta(days=page.retention_days)
    return FormPageSubmission.objects.filter(page=page, submit_time__lt=cutoff).order_by("submit_time", "pk")


def archive_csv(page, submissions):
    fields = page.get_data_fields()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(label) for _name, label in fields])
    for submission in submissions:
        data = submission.get_data()
        row = []
        for name, _label in fields:
            value = data.get(name)
            if isinstance(value, list):
                value = ", ".join(str(item) for item in value)
            elif name == "submit_time":
                value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            row.append(formula_safe("" if value is None else str(value)))
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def apply(dry_run=False, now=None):
    """Apply every form page's rule; with ``dry_run`` only count what would happen."""
    results = []
    for page in FormPage.objects.all().order_by("pk"):
        expired = list(expired_submissions(page, now).prefetch_related("uploads"))
        if not expired:
            continue
        results.append(RetentionResult(page, page.retention_action, len(expired)))
        if dry_run:
            continue
        with transaction.atomic():
            if page.retention_action == FormPage.Retention.ARCHIVE:
                archive = SubmissionArchive(
                    page=page,
                    submission_count=len(expired),
                    oldest=expired[0].submit_time,
                    newest=expired[-1].submit_time,
                )
                name = f"{page.slug}-{timezone.localdate(now or timezone.now()):%Y%m%d}.csv"
                archive.file.save(name, ContentFile(archive_csv(page, expired)), save=False)
                archive.save()
            for submission in expired:
                submission.delete()
    return results
