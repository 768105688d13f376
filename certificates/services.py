"""Issuing, revoking and re-issuing certificates, and their PDFs.

Every certificate for an enrolment is issued under a row lock on the enrolment, and the
database refuses a second valid certificate for it (``one_valid_certificate_per_enrolment``),
so the automatic issue on completion, a staff member's manual issue and a retried signal can
meet without ever producing two valid certificates.
"""

import hashlib
import logging
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import DEFAULT_NUMBER_PATTERN, Certificate, CertificateTemplate
from certificates.rendering import render_certificate
from portal.signing import sign_or_keep
from procedures.letters import office_settings, verification_code
from procedures.numbering import next_number
from procedures.outbox import queue_email

logger = logging.getLogger(__name__)
# The visible signature block on a certificate (points from the bottom left of the page).
CERTIFICATE_SIGNATURE_BOX = (36, 8, 236, 48)


class CertificateError(Exception):
    """A certificate cannot be issued (the participant has not passed, ...); the message is for people."""


def number_key(pattern):
    # One running sequence per pattern: templates sharing a pattern never produce the same number.
    return "certificate:" + hashlib.sha1(pattern.encode()).hexdigest()[:20]


def course_hours(course):
    minutes = course.total_minutes
    return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.01")) if minutes else None


def _snapshot(enrolment, holder_name=None):
    course = enrolment.course
    return {
        "course": course,
        "holder_name": holder_name or enrolment.participant.full_name,
        "course_title": course.title,
        "start_date": course.start_date,
        "end_date": course.end_date,
        "hours": course_hours(course),
        "category_name": course.category.name if course.category_id else "",
        "cohort": course.cohort,
        "grade": enrolment.grade,
        "score": enrolment.final_score,
    }


def _create(enrolment, actor, template, holder_name=None, replaces=None):
    office = office_settings()
    now = timezone.now()
    design = template or CertificateTemplate()
    pattern = design.number_pattern or DEFAULT_NUMBER_PATTERN
    number = next_number(
        number_key(pattern), pattern, timezone.localtime(now), office_code=office.office_code or "DINAS"
    )
    return Certificate.objects.create(
        enrolment=enrolment,
        template=template,
        number=number,
        verification_code=verification_code(),
        office_name=office.office_name,
        place=office.city,
        signers=design.signers(office),
        issued_at=now,
        issued_by=actor if actor is not None and actor.is_authenticated else None,
        replaces=replaces,
        **_snapshot(enrolment, holder_name),
    )


def _lock_enrolment(enrolment):
    from enrolment.models import Enrolment

    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("participant", "course__category")
        .get(pk=enrolment.pk)
    )


def issue_certificate(enrolment, actor=None, notify=True):
    """The valid certificate of a passed enrolment, issuing it if there is none yet.

    Returns ``(certificate, created)``. Raises ``CertificateError`` if the participant has not passed.
    """
    try:
        with transaction.atomic():
            enrolment = _lock_enrolment(enrolment)
            existing = enrolment.certificates.valid().first()
            if existing is not None:
                return existing, False
            if enrolment.result != enrolment.Result.PASSED:
                raise CertificateError(
                    _("%(name)s has not passed %(course)s.")
                    % {"name": enrolment.participant.full_name, "course": enrolment.course.title}
                )
            template = CertificateTemplate.objects.for_course(enrolment.course)
            certificate = _create(enrolment, actor, template)
            if notify:
                notify_holder(certificate)
            render_soon(certificate)
            return certificate, True
    except IntegrityError:
        # A concurrent issue won the race (possible only without row locks, e.g. SQLite).
        existing = Certificate.objects.valid().filter(enrolment_id=enrolment.pk).first()
        if existing is None:
            raise
        return existing, False


def issue_for_course(course, actor=None, enrolment_ids=None):
    """Issue certificates for the passed participants of a class (optionally only some); returns counts."""
    from enrolment.models import Enrolment

    enrolments = Enrolment.objects.filter(course=course, result=Enrolment.Result.PASSED)
    if enrolment_ids is not None:
        enrolments = enrolments.filter(pk__in=enrolment_ids)
    created = existing = 0
    for enrolment in enrolments.order_by("participant__full_name", "pk"):
        _certificate, was_created = issue_certificate(enrolment, actor)
        created += was_created
        existing += not was_created
    return created, existing


def notify_holder(certificate):
    participant = certificate.enrolment.participant
    if not participant.email:
        return None
    return queue_email(
        [participant.email],
        _("Your certificate for %(course)s") % {"course": certificate.course_title},
        "certificates/email/issued.txt",
        {"certificate": certificate, "participant": participant, "has_account": participant.user_id is not None},
        key=f"certificate:{certificate.pk}:issued",
    )


def revoke(certificate, actor, reason):
    """Revoke a valid certificate; returns False if it was already revoked."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for revoking the certificate."))
    updated = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(),
        revoked_reason=reason,
        revoked_by=actor if actor is not None and actor.is_authenticated else None,
    )
    certificate.refresh_from_db()
    return bool(updated)


def reissue(certificate, actor, reason, holder_name=None, notify=True):
    """Replace a certificate (e.g. a corrected name): the old one is revoked and points to the new one."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for the re-issue."))
    with transaction.atomic():
        enrolment = _lock_enrolment(certificate.enrolment)
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.revoked_at is not None:
            raise CertificateError(_("Only a valid certificate can be re-issued."))
        old.revoked_at = timezone.now()
        old.revoked_reason = reason
        old.revoked_by = actor if actor is not None and actor.is_authenticated else None
        old.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        template = CertificateTemplate.objects.for_course(enrolment.course)
        new = _create(
            enrolment, actor, template, holder_name=(holder_name or "").strip() or old.holder_name, replaces=old
        )
        if notify:
            notify_holder(new)
        render_soon(new)
    return new


def render_soon(certificate):
    """Render and store the PDF right after the issue commits, so downloads and bulk printing read a
    stored file. A rendering failure never undoes the issue: the PDF is then rendered on first download."""
    pk = certificate.pk

    def render():
        try:
            ensure_pdf(Certificate.objects.get(pk=pk))
        except Exception:
            logger.exception("Certificate %s could not be pre-rendered; it will render on first download", pk)

    transaction.on_commit(render)


def ensure_pdf(certificate):
    """The certificate's PDF, rendered and stored privately on first use."""
    if certificate.pdf:
        try:
            with certificate.pdf.open("rb") as handle:
                return handle.read()
        except FileNotFoundError:
            logger.warning("Certificate %s lost its PDF file; rendering it again", certificate.pk)
    pdf = sign_certificate(certificate, render_certificate(certificate))
    storage = certificate.pdf.storage
    name = storage.save(certificate.pdf.field.generate_filename(certificate, certificate.filename), ContentFile(pdf))
    # Two first downloads at once: the first stored file wins, the other copy is removed.
    if Certificate.objects.filter(pk=certificate.pk, pdf__in=["", certificate.pdf.name or ""]).update(pdf=name):
        certificate.pdf.name = name
    else:
        storage.delete(name)
        certificate.refresh_from_db(fields=["pdf"])
    return pdf


def sign_certificate(certificate, pdf):
    """Sign a rendered certificate once, as the first signer on it (see ``portal.signing``)."""
    signer = certificate.signers[0] if certificate.signers else {}
    return sign_or_keep(
        pdf,
        signer,
        _("Certificate %(number)s") % {"number": certificate.number},
        box=CERTIFICATE_SIGNATURE_BOX,
    )


def certificate_pdfs(certificates):
    """``(filename, bytes)`` for each certificate, one at a time (rendering the missing ones)."""
    for certificate in certificates:
        yield certificate.filename, ensure_pdf(certificate)
