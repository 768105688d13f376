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
from procedures.letters import issue_letter
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


# --- Transitions ---------------------------------------------------------------------------


def application_transitioned(application, transition, event, actor, data):
    """``TrainerApplication.on_transition``: store review results, issue letters, create the page."""
    model = type(application)
    updates = {}
    if transition.name == "verify":
        modules = data.get("modules")
        if modules is not None:
            application.checked_modules.set(modules)
        updates["verification_note"] = event.note
    elif transition.name in {"recommend_approve", "recommend_reject"}:
        updates["recommendation"] = "approve" if transition.name == "recommend_approve" else "reject"
        updates["recommendation_note"] = event.note
    elif transition.name == "approve":
        page = create_trainer_page(application, actor)
        if page is not None:
            updates["trainer_page"] = page
        issue_decision_letter(application, actor, approved=True, note=data.get("letter_note") or "")
    elif transition.name == "reject":
        issue_decision_letter(application, actor, approved=False, note=event.note)
    if updates:
        for field, value in updates.items():
            setattr(application, field, value)
        model.objects.filter(pk=application.pk).update(**updates)


def decision_letter(application):
    return application.letters().filter(kind=LETTER_KIND, revoked_at=None).last()


def issue_decision_letter(application, actor, *, approved, note=""):
    name = application.full_name
    submitted = f"{timezone.localtime(application.submitted_at or timezone.now()):%d-%m-%Y}"
    if approved:
        subject = _("Approval as a trainer (narasumber)")
        paragraphs = [
            _(
                "Following your trainer registration with tracking number %(number)s, submitted on %(date)s, and "
                "the review of your profile against our standard training modules, we inform you that your "
                "application is APPROVED."
            )
            % {
                "number": application.tracking_number,
                "date": submitted,
            },
            _(
                "We kindly invite you to confirm your availability for the training schedule: our team will contact "
                "you, and you can see the classes assigned to you in your account on the portal."
            ),
            _("Your public profile will appear in the trainer directory after our editors have reviewed it."),
        ]
    else:
        subject = _("Result of your trainer (narasumber) registration")
        paragraphs = [
            _(
                "Following your trainer registration with tracking number %(number)s, submitted on %(date)s, we "
                "regret to inform you that your application is NOT APPROVED."
            )
            % {
                "number": application.tracking_number,
                "date": submitted,
            },
        ]
    if note:
        paragraphs.append(_("Note: %(note)s") % {"note": note})
    paragraphs.append(_("Thank you for your interest in sharing your expertise with our training programmes."))
    letter = issue_letter(
        kind=LETTER_KIND,
        code=LETTER_CODE,
        subject=subject,
        addressee="\n".join(filter(None, [name, application.address, application.regency])),
        body="\n\n".join(str(p) for p in paragraphs),
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
        page.photo = wagtail_image_from(application.photo, name)
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
    update = TrainerProfileUpdate(user=user, trainer_page=page, state="draft")
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
        page.photo = wagtail_image_from(update.photo, page.full_name)
    return page.save_revision(user=actor if actor is not None and actor.is_authenticated else None, log_action=True)
