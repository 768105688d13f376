"""Side effects of the trainer procedures: files, the decision letter, the draft profile page."""

import os

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.images import get_image_model

from portal.uploads import reencode_image
from procedures import services
from procedures.letters import issue_letter, letter_text
from procedures.outbox import queue_email
from trainers.models import RESERVED_SLUGS, ApplicationCertificate, TrainerIndexPage, TrainerPage

LETTER_KIND = "trainer_decision"
LETTER_CODE = "NRS"


# --- Files ---------------------------------------------------------------------------------


def store_photo(record, uploaded):
    """Re-encode an uploaded photo (decoded, metadata stripped) and keep it on the record."""
    original = os.path.basename(uploaded.name)[:200]
    clean = reencode_image(uploaded)
    if record.photo:
        record.photo.delete(save=False)
    record.photo.save(clean.name, clean, save=False)
    if hasattr(record, "photo_name"):
        record.photo_name = original


def store_cv(application, uploaded):
    if application.cv:
        application.cv.delete(save=False)
    application.cv.save(uploaded.name, uploaded, save=False)
    application.cv_name = os.path.basename(uploaded.name)[:200]


def add_certificate(application, uploaded):
    certificate = ApplicationCertificate(application=application, original_name=os.path.basename(uploaded.name)[:200])
    certificate.file.save(uploaded.name, uploaded, save=False)
    certificate.save()
    return certificate


def remove_certificates(application, ids):
    for certificate in application.certificates.filter(pk__in=ids):
        certificate.file.delete(save=False)
        certificate.delete()


# --- Submission ----------------------------------------------------------------------------


@transaction.atomic
def submit_application(application, user):
    """Step 1 done: the applicant hands in (or, after correction, hands in again) the application."""
    application.consent_at = application.consent_at or timezone.now()
    application.save(update_fields=["consent_at", "updated_at"])
    name = "resubmit" if application.state == "correction" else "submit"
    return services.perform(application, name, user, expected_version=application.version)


# --- The decision letter (SOP step 5) ------------------------------------------------------


def decision_letter(application):
    return application.letters().filter(kind=LETTER_KIND, revoked_at=None).last()


def issue_decision_letter(application, actor, *, approved, note=""):
    """The head of unit's approval or rejection letter; its wording is ``trainers/letters/decision.txt``."""
    name = application.full_name
    submitted = timezone.localtime(application.submitted_at or timezone.now())
    letter = issue_letter(
        kind=LETTER_KIND,
        code=LETTER_CODE,
        subject=_("Approval as a trainer (narasumber)")
        if approved
        else _("Result of your trainer (narasumber) registration"),
        addressee="\n".join(filter(None, [name, application.address, application.regency])),
        body=letter_text(
            "trainers/letters/decision.txt",
            {"application": application, "submitted": submitted, "approved": approved, "note": note},
        ),
        details=[
            (_("Tracking number"), application.tracking_number),
            (_("Name"), name),
            (_("Areas of expertise"), ", ".join(c.name for c in application.expertise.all()) or "—"),
            (_("Decision"), _("Approved") if approved else _("Not approved")),
        ],
        case=application,
        created_by=actor,
    )
    queue_email(
        [application.applicant_email],
        _("[%(number)s] Your decision letter %(letter)s")
        % {"number": application.tracking_number, "letter": letter.number},
        "trainers/email/decision_letter.txt",
        {
            "application": application,
            "letter": letter,
            "approved": approved,
            "detail_url": reverse("trainers:application", args=[application.pk]),
        },
        key=f"{LETTER_KIND}:{letter.pk}",
    )
    return letter


def directory_index():
    return TrainerIndexPage.objects.first()


def wagtail_image_from(fieldfile, title):
    """Copy a private photo into the Wagtail image library (re-encoded JPEG already)."""
    Image = get_image_model()
    fieldfile.open("rb")
    try:
        content = ContentFile(fieldfile.read(), name=f"trainer-{slugify(title)[:40] or 'photo'}.jpg")
    finally:
        fieldfile.close()
    return Image.objects.create(title=title, file=content)


def hold_photo(page, fieldfile):
    """Keep a trainer's photo privately on the page (``pending_photo``) until the page is published."""
    fieldfile.open("rb")
    try:
        content = ContentFile(fieldfile.read(), name="photo.jpg")
    finally:
        fieldfile.close()
    page.pending_photo.save(content.name, content, save=False)


def publish_pending_photo(page, revision=None):
    """``page_published``: the held photo becomes the page's public image, now that the page is public.

    The published revision is updated too, so the next edit of the page keeps the photo.
    """
    from trainers.models import TrainerPage

    if not page.pending_photo:
        return None
    try:
        image = wagtail_image_from(page.pending_photo, page.full_name or page.title)
    except (FileNotFoundError, OSError):
        return None
    TrainerPage.objects.filter(pk=page.pk).update(photo=image, pending_photo="")
    page.photo, page.pending_photo = image, ""
    if revision is not None and isinstance(revision.content, dict):
        revision.content["photo"] = image.pk
        revision.content["pending_photo"] = ""
        revision.save(update_fields=["content"])
    return image


def unique_slug(parent, base):
    base = slugify(base)[:70] or "narasumber"
    slug, counter = base, 2
    while slug in RESERVED_SLUGS or parent.get_children().filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def create_trainer_page(application, actor):
    """An unpublished TrainerPage from an approved application, for editors to review and publish."""
    index = directory_index()
    if index is None:
        return None
    name = application.full_name
    page = TrainerPage(
        title=name,
        slug=unique_slug(index, name),
        full_name=name,
        position=application.position,
        short_bio=application.short_bio,
        regency=application.regency,
        education=application.education,
        experience=application.work_experience,
        teaching_experience=application.teaching_experience,
        certifications=application.certifications,
        topics=application.topics,
        user=application.user,
        live=False,
    )
    if application.photo:
        # Private until the page is published: no public image (nor /media/original_images/) before.
        hold_photo(page, application.photo)
    page.expertise = list(application.expertise.all())
    index.add_child(instance=page)
    page.save_revision(user=actor if actor is not None and actor.is_authenticated else None, log_action=True)
    return page


# --- Profile updates -----------------------------------------------------------------------

UPDATE_FIELDS = (
    "position",
    "short_bio",
    "regency",
    "education",
    "experience",
    "teaching_experience",
    "certifications",
    "topics",
)


def start_profile_update(page, user):
    """A new update request pre-filled with the page's latest content."""
    from trainers.models import TrainerProfileUpdate

    latest = page.get_latest_revision_as_object()
    update = TrainerProfileUpdate(user=user, trainer_page=page).start(save=False)
    for field in UPDATE_FIELDS:
        setattr(update, field, getattr(latest, field))
    return update, list(latest.expertise.all())


def apply_profile_update(update, actor):
    """Write the requested changes into a new draft revision of the page (editors publish it)."""
    page = update.trainer_page.get_latest_revision_as_object()
    for field in UPDATE_FIELDS:
        setattr(page, field, getattr(update, field))
    page.expertise = list(update.expertise.all())
    if update.photo:
        hold_photo(page, update.photo)
    return page.save_revision(user=actor if actor is not None and actor.is_authenticated else None, log_action=True)
