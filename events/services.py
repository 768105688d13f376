"""What the regional-training screens do: nominations through the regions' links, spreadsheets,
reminders, enrolment of the accepted candidates, the letters and the implementation report."""

import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import role_label
from enrolment.models import Enrolment, Participant
from portal.nik import parse_nik
from portal.pdf import render_pdf
from procedures import services as core
from procedures.letters import issue_letter, letter_text, office_settings
from procedures.outbox import queue_email
from sops import library

from .models import Candidate, FacilityItem, FacilityPreparation, InvitedRegion, RegionalTraining, TrainingNeeds
from .sop import FACILITIES_SOP

CANDIDATE_FIELDS = ("full_name", "nik", "phone", "email", "position", "agency")
#: Spreadsheet columns, in order (the header row is checked against these names, case-insensitively).
SHEET_COLUMNS = ("nama", "nik", "telepon", "email", "jabatan", "instansi")


class NominationClosed(ValidationError):
    pass


# --- Step 2: preparation cases -------------------------------------------------------------


def start_preparation(training, actor):
    """When the plan is approved, the needs (SOP 004) and the facilities checklist (SOP 004) begin."""
    needs, _created = TrainingNeeds.objects.get_or_create(training=training, defaults={"state": "draft"})
    if needs.state == "draft":
        core.perform(needs, "open", actor, system=True)
    preparation, _created = FacilityPreparation.objects.get_or_create(training=training, defaults={"state": "draft"})
    if preparation.state == "draft":
        core.perform(preparation, "open", actor, system=True)
    if not training.facilities.filter(from_sop=True).exists():
        FacilityItem.objects.bulk_create(
            FacilityItem(training=training, name=name, from_sop=True) for name in library.get(FACILITIES_SOP).equipment
        )


# --- Steps 4 and 5: drafts and letters -------------------------------------------------------


def draft_context(training):
    return {
        "training": training,
        "regions": list(training.regions.all()),
        "budget_lines": list(training.budget_lines.all()),
        "office": office_settings(),
    }


def draft_texts(training):
    """The three drafts from their templates (``templates/events/letters/``), for staff to edit."""
    context = draft_context(training)
    return {
        "invitation_text": letter_text("events/letters/invitation.txt", context),
        "cover_letter_text": letter_text("events/letters/cover_letter.txt", context),
        "decree_text": letter_text("events/letters/decree.txt", context),
    }


def signer_for(actor):
    return {"name": actor.get_full_name() or actor.email, "title": str(role_label("Kepala Bidang")), "rank": ""}


def issue_training_letters(training, actor):
    """Step 5: the invitation and the decree (initialled) and the cover letter (signed), numbered with QR."""
    regions = "\n".join(region.address or region.name for region in training.regions.all())
    dates = f"{training.start_date:%d-%m-%Y} – {training.end_date:%d-%m-%Y}"
    details = [(_("Training"), training.title), (_("Dates"), dates), (_("Place"), training.place)]
    signer = signer_for(actor)
    letters = []
    for kind, code, subject, addressee, body in (
        ("training_invitation", "UND", _("Invitation: %(title)s"), regions, training.invitation_text),
        ("training_cover_letter", "PGT", _("Cover letter: %(title)s"), regions, training.cover_letter_text),
        ("training_decree", "SK", _("Committee decree: %(title)s"), _("The committee"), training.decree_text),
    ):
        letters.append(
            issue_letter(
                kind=kind,
                code=code,
                subject=subject % {"title": training.title},
                addressee=addressee,
                body=body,
                details=details,
                case=training,
                signer=signer,
                created_by=actor,
            )
        )
    return letters


# --- Step 6: distribution ----------------------------------------------------------------------


def distribute(training, actor):
    """Each region receives the letters and its personal link by email; the queued email is the proof of sending."""
    now = timezone.now()
    letters = list(training.letters().filter(revoked_at=None))
    attachments = [(f"{letter.kind}.pdf", letter.pdf, "application/pdf") for letter in letters if letter.pdf]
    for region in training.regions.all():
        message = queue_email(
            [region.officer_email],
            _("Invitation to nominate participants: %(title)s") % {"title": training.title},
            "events/email/invitation.txt",
            {"training": training, "region": region},
            key=f"events:invitation:{region.pk}",
            attachments=attachments,
        )
        proof = region.sent_proof or (
            _("Email %(id)s to %(to)s") % {"id": message.pk, "to": region.officer_email} if message else ""
        )
        InvitedRegion.objects.filter(pk=region.pk).update(sent_at=now, sent_proof=proof)


def record_receipt(region):
    if region.receipt_at is None:
        region.receipt_at = timezone.now()
        InvitedRegion.objects.filter(pk=region.pk, receipt_at=None).update(receipt_at=region.receipt_at)


def remind(region, actor=None):
    """Remind a region that has not answered; returns the queued email (None when it answered)."""
    if region.answered_at:
        return None
    training = region.training
    now = timezone.now()
    region.reminders += 1
    message = queue_email(
        [region.officer_email],
        _("Reminder: nominations for %(title)s") % {"title": training.title},
        "events/email/reminder.txt",
        {"training": training, "region": region},
        key=f"events:reminder:{region.pk}:{region.reminders}",
    )
    InvitedRegion.objects.filter(pk=region.pk).update(reminded_at=now, reminders=region.reminders)
    region.reminded_at = now
    return message


# --- Step 7: nominations ------------------------------------------------------------------------


def check_open(region, now=None):
    training = region.training
    if training.state != "nominations":
        raise NominationClosed(_("Nominations for this training are not open."))
    if training.nomination_deadline and (now or timezone.now()) > training.nomination_deadline:
        raise NominationClosed(_("The nomination deadline has passed."))


def clean_candidate(region, data, *, pending=()):
    """Validate one candidate's data for ``region``; returns the cleaned dict or raises ValidationError."""
    errors = []
    cleaned = {name: " ".join(str(data.get(name) or "").split()) for name in CANDIDATE_FIELDS}
    for name, label in (
        ("full_name", _("name")),
        ("nik", _("NIK")),
        ("phone", _("contact")),
        ("position", _("position")),
        ("agency", _("agency")),
    ):
        if not cleaned[name]:
            errors.append(_("%(field)s is missing") % {"field": label})
    if cleaned["nik"]:
        cleaned["nik"] = cleaned["nik"].replace(" ", "").replace("'", "")
        try:
            parse_nik(cleaned["nik"])
        except ValidationError as error:
            errors.extend(error.messages)
        else:
            nominated = Candidate.objects.filter(region__training=region.training, nik=cleaned["nik"]).exclude(
                status=Candidate.Status.WITHDRAWN
            )
            if nominated.exists() or cleaned["nik"] in pending:
                errors.append(_("this NIK is already nominated for this training"))
    if cleaned["email"]:
        from django.core.validators import validate_email

        try:
            validate_email(cleaned["email"])
        except ValidationError:
            errors.append(_("the email address is not valid"))
    if errors:
        raise ValidationError(errors)
    return cleaned


def clash_for(training, nik):
    """Another class or regional training at the same time that this person is already in, as text."""
    enrolments = (
        Enrolment.objects.active()
        .filter(
            participant__nik=nik, course__start_date__lte=training.end_date, course__end_date__gte=training.start_date
        )
        .select_related("course")
    )
    if training.course_id:
        enrolments = enrolments.exclude(course_id=training.course_id)
    clashes = [enrolment.course.title for enrolment in enrolments]
    others = (
        Candidate.objects.filter(
            nik=nik,
            region__training__start_date__lte=training.end_date,
            region__training__end_date__gte=training.start_date,
        )
        .exclude(region__training=training)
        .exclude(status__in=[Candidate.Status.WITHDRAWN, Candidate.Status.REFUSED])
        .select_related("region__training")
    )
    clashes += [candidate.region.training.title for candidate in others]
    if not clashes:
        return ""
    return _("Already taking part at the same time in: %(list)s") % {"list": ", ".join(dict.fromkeys(clashes))}


def _check_quota(region, adding):
    if region.nominated_count + adding > region.quota:
        raise ValidationError(
            _("Your quota is %(quota)s candidates; %(count)s are already nominated.")
            % {"quota": region.quota, "count": region.nominated_count}
        )


def _create(region, cleaned):
    return Candidate.objects.create(region=region, clash=clash_for(region.training, cleaned["nik"]), **cleaned)


def _answered(region):
    if region.answered_at is None:
        region.answered_at = timezone.now()
        InvitedRegion.objects.filter(pk=region.pk).update(answered_at=region.answered_at)


def nominate(region, data):
    """One candidate entered through the region's link (quota and deadline enforced under a row lock)."""
    with transaction.atomic():
        region = InvitedRegion.objects.select_for_update().select_related("training").get(pk=region.pk)
        check_open(region)
        cleaned = clean_candidate(region, data)
        _check_quota(region, 1)
        try:
            candidate = _create(region, cleaned)
        except IntegrityError:
            raise ValidationError(_("this NIK is already nominated for this training"))
        _answered(region)
    return candidate


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    #: [(row number, [reasons])] — when not empty, nothing was imported.
    errors: list = field(default_factory=list)


def read_sheet(upload):
    """Rows of the first sheet as dicts keyed by :data:`CANDIDATE_FIELDS`, with their row numbers."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(upload.read()), read_only=True, data_only=True)
    except Exception:
        raise ValidationError(_("The file is not an Excel workbook (.xlsx)."))
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = next(rows, None) or ()
    names = [str(cell or "").strip().lower() for cell in header]
    missing = [column for column in SHEET_COLUMNS if column not in names]
    if missing:
        raise ValidationError(
            _("The first row must name the columns: %(columns)s.") % {"columns": ", ".join(SHEET_COLUMNS)}
        )
    positions = {
        field_name: names.index(column) for field_name, column in zip(CANDIDATE_FIELDS, SHEET_COLUMNS, strict=True)
    }
    result = []
    for number, row in enumerate(rows, start=2):
        if row is None or all(cell in (None, "") for cell in row):
            continue
        values = {}
        for field_name, position in positions.items():
            value = row[position] if position < len(row) else None
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            values[field_name] = "" if value is None else str(value)
        result.append((number, values))
    workbook.close()
    return result


def import_sheet(region, upload, max_rows=500):
    """All rows or none: every bad row is reported with its reasons and nothing is stored."""
    rows = read_sheet(upload)
    if len(rows) > max_rows:
        raise ValidationError(_("At most %(count)s rows per file.") % {"count": max_rows})
    result = ImportResult()
    with transaction.atomic():
        region = InvitedRegion.objects.select_for_update().select_related("training").get(pk=region.pk)
        check_open(region)
        cleaned_rows, seen = [], set()
        for number, values in rows:
            try:
                cleaned = clean_candidate(region, values, pending=seen)
            except ValidationError as error:
                result.errors.append((number, error.messages))
                continue
            seen.add(cleaned["nik"])
            cleaned_rows.append(cleaned)
        if not rows:
            raise ValidationError(_("The file has no candidates."))
        if not result.errors:
            try:
                _check_quota(region, len(cleaned_rows))
            except ValidationError as error:
                result.errors.append((0, error.messages))
        if result.errors:
            return result
        result.created = [_create(region, cleaned) for cleaned in cleaned_rows]
        _answered(region)
    return result


def withdraw_candidate(region, candidate_pk):
    """The region takes back one of its own candidates (only its own: the lookup is by region)."""
    with transaction.atomic():
        region = InvitedRegion.objects.select_for_update().select_related("training").get(pk=region.pk)
        check_open(region)
        candidate = region.candidates.get(pk=candidate_pk, status=Candidate.Status.NOMINATED)
        candidate.status = Candidate.Status.WITHDRAWN
        candidate.save(update_fields=["status"])
    return candidate


def set_candidate_status(training, candidate_pk, status):
    """The office accepts or refuses one candidate before the nominations close."""
    if training.state != "nominations" or status not in (Candidate.Status.ACCEPTED, Candidate.Status.REFUSED):
        raise ValidationError(_("Candidates can only be decided while nominations are open."))
    candidate = Candidate.objects.get(pk=candidate_pk, region__training=training)
    if candidate.status == Candidate.Status.WITHDRAWN:
        raise ValidationError(_("This candidate was withdrawn by the region."))
    candidate.status = status
    candidate.save(update_fields=["status"])
    return candidate


def participant_for(candidate, training):
    """The reusable participant profile for a NIK: the existing one, or a new one from the nomination."""
    participant = Participant.objects.filter(nik=candidate.nik).first()
    if participant is not None:
        return participant
    birth, female = parse_nik(candidate.nik)
    return Participant.objects.create(
        full_name=candidate.full_name,
        email=candidate.email,
        nik=candidate.nik,
        birth_date=birth,
        gender=Participant.Gender.FEMALE if female else Participant.Gender.MALE,
        phone=candidate.phone,
        address=candidate.agency,
        regency=candidate.region.name,
        education="",
        occupation=candidate.position,
        current_skills="",
        training_needs=_("Nominated by %(region)s for %(title)s")
        % {"region": candidate.region.name, "title": training.title},
    )


def enrol_candidates(training, actor):
    """Step 7 closes: every candidate not refused becomes an enrolment of the class, waiting for the
    admin officer's verification (SOP 000 step 2) — nobody types the data again."""
    enrolled = 0
    candidates = Candidate.objects.filter(region__training=training, enrolment=None).exclude(
        status__in=[Candidate.Status.REFUSED, Candidate.Status.WITHDRAWN]
    )
    for candidate in candidates.select_related("region"):
        participant = participant_for(candidate, training)
        enrolment = Enrolment.objects.active().filter(participant=participant, course_id=training.course_id).first()
        if enrolment is None:
            enrolment = Enrolment(
                participant=participant,
                course_id=training.course_id,
                walk_in=True,
                motivation=_("Nominated by %(region)s") % {"region": candidate.region.name},
            )
            enrolment.start()
            core.perform(enrolment, "submit", actor, system=True)
            enrolled += 1
        Candidate.objects.filter(pk=candidate.pk).update(enrolment=enrolment, status=Candidate.Status.ACCEPTED)
    return enrolled


# --- Step 10: the implementation report ------------------------------------------------------------


def report_data(training):
    """What the portal knows of the training: participants per region, attendance, tests, completion,
    certificates and the budget realised."""
    candidates = list(
        Candidate.objects.filter(region__training=training)
        .exclude(enrolment=None)
        .select_related("region", "enrolment")
        .prefetch_related("enrolment__test_results", "enrolment__certificates")
    )
    regions = []
    for region in training.regions.all():
        mine = [c for c in candidates if c.region_id == region.pk]
        regions.append({"name": region.name, "quota": region.quota, "participants": len(mine)})
    rates, gains, completed, passed, certificates = [], [], 0, 0, 0
    for candidate in candidates:
        enrolment = candidate.enrolment
        rate = enrolment.attendance_rate
        if rate is not None:
            rates.append(rate)
        if enrolment.gain is not None:
            gains.append(enrolment.gain)
        completed += enrolment.state == "completed"
        passed += enrolment.is_passed
        certificates += sum(1 for c in enrolment.certificates.all() if c.revoked_at is None)
    planned = training.budget_lines.aggregate(total=Sum("planned"))["total"] or 0
    realised = training.budget_lines.aggregate(total=Sum("realised"))["total"] or 0
    return {
        "regions": regions,
        "participants": len(candidates),
        "attendance": round(sum(rates) / len(rates)) if rates else None,
        "gain": round(sum(gains) / len(gains), 1) if gains else None,
        "completed": completed,
        "passed": passed,
        "certificates": certificates,
        "budget_lines": list(training.budget_lines.all()),
        "photos": list(training.photos.select_related("image")[:4]),
        "planned": planned,
        "realised": realised,
    }


def report_text(training):
    return letter_text("events/letters/report.txt", {"training": training, "data": report_data(training)})


def render_report_pdf(training):
    from .models import rupiah

    data = report_data(training)
    pdf = render_pdf(
        "events/report_pdf.html",
        {
            "training": training,
            "data": data,
            "office": office_settings(),
            "paragraphs": [p.strip() for p in training.report_text.split("\n\n") if p.strip()],
            "budget": [
                (line.description, rupiah(line.planned), rupiah(line.realised)) for line in data["budget_lines"]
            ],
            "planned": rupiah(data["planned"]),
            "realised": rupiah(data["realised"]),
        },
    )
    training.report_pdf.save(f"laporan-{training.pk}.pdf", ContentFile(pdf), save=False)
    RegionalTraining.objects.filter(pk=training.pk).update(report_pdf=training.report_pdf.name)
    return pdf
