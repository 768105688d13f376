"""What the licence flow does: drafts and uploads, verdicts per item, the BAP, the decree and the licence.

Views and the admin case screen call these functions; the process core
(``procedures.services.perform``) moves the case and runs the transition's declared effect
(``licensing.effects``) inside its transaction, so a failure there undoes the step change as well.
"""

import datetime
import math
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from licensing.models import (
    ApplicationDocument,
    DocumentReview,
    FieldInspection,
    InspectionFinding,
    InspectionPhoto,
    Licence,
    LicenceApplication,
    LicensingSettings,
    RequirementItem,
)
from licensing.procedure import PROCEDURE
from portal.uploads import reencode_image
from procedures import services as core
from procedures.letters import issue_letter, office_settings, signer_from_office
from procedures.numbering import next_number
from procedures.standards import standards_for_procedure

DECREE_KIND = "course_licence_decree"
REFUSAL_KIND = "course_licence_refusal"
LICENCE_NUMBER_PATTERN = "503/{seq:04d}/IPK/{office_code}/{year}"


# Applicant side ---------------------------------------------------------------------


def start_draft(user):
    """The applicant's untouched draft if there is one (no clutter from repeated clicks), else a new one."""
    draft = LicenceApplication.objects.filter(
        user=user, state=PROCEDURE.initial_state, institution_name="", documents__isnull=True
    ).first()
    if draft is None:
        draft = LicenceApplication(user=user, contact_email=user.email, head_name="").start()
    return draft


def store_upload(application, item, uploaded, content_type):
    """Keep a checked upload on the draft at once, so later form errors never lose it."""
    document = application.documents.filter(item=item).first() or ApplicationDocument(
        application=application, item=item
    )
    old = document.file.name if document.pk and document.file else None
    document.original_name = (uploaded.name or "")[-255:]
    document.content_type = content_type
    document.size = uploaded.size or 0
    document.uploaded_at = timezone.now()
    document.status = ApplicationDocument.PENDING
    document.reason = ""
    document.file.save(uploaded.name, uploaded, save=False)
    document.save()
    if old and old != document.file.name:
        document.file.storage.delete(old)
    return document


def missing_items(application):
    """Required checklist items without an upload."""
    uploaded = set(application.documents.values_list("item_id", flat=True))
    return [item for item in RequirementItem.objects.active().filter(required=True) if item.pk not in uploaded]


def refused_documents(application):
    return list(application.documents.filter(status=ApplicationDocument.REFUSED).select_related("item"))


def check_ready(application, form_errors=None):
    """Raise ValidationError listing what still blocks submission."""
    problems = []
    missing = missing_items(application)
    if missing:
        problems.append(_("Please upload: %(items)s.") % {"items": ", ".join(item.name for item in missing)})
    refused = refused_documents(application)
    if refused:
        problems.append(
            _("Please upload a corrected file for: %(items)s.") % {"items": ", ".join(d.item.name for d in refused)}
        )
    if problems:
        raise ValidationError(problems)


def submit(application, user, expected_version=None):
    """Send the draft (or the corrected file) to the front office; returns the event."""
    check_ready(application)
    name = "resubmit" if application.state == "correction" else "submit"
    return core.perform(application, name, user, expected_version=expected_version)


def mark_received(application):
    """SOP step 9: the first download of the signed decree by the applicant."""
    if application.sk_received_at is None:
        application.sk_received_at = timezone.now()
        LicenceApplication.objects.filter(pk=application.pk, sk_received_at=None).update(
            sk_received_at=application.sk_received_at
        )


# Staff side ------------------------------------------------------------------------


def accept_all_documents(application, event, actor):
    """Step 2, accepted: every document is accepted, and each verdict is kept with the event."""
    check_ready(application)
    for document in application.documents.select_related("item"):
        if document.status != ApplicationDocument.ACCEPTED:
            document.status, document.reason = ApplicationDocument.ACCEPTED, ""
            document.save(update_fields=["status", "reason"])
        DocumentReview.objects.create(
            document=document,
            event=event,
            file_name=document.original_name,
            verdict=ApplicationDocument.ACCEPTED,
            reviewer=actor,
        )


def validate_verdicts(documents, verdicts):
    """At least one refused document, and a reason for every refused one."""
    refused = [doc for doc in documents if (verdicts.get(doc.pk) or ("", ""))[0] == ApplicationDocument.REFUSED]
    if not refused:
        raise ValidationError(_("Refuse at least one document, with its reason, to return the file."))
    for document in refused:
        if not (verdicts[document.pk][1] or "").strip():
            raise ValidationError(_("Give the reason for refusing %(item)s.") % {"item": document.item.name})


def record_verdicts(application, verdicts, event, actor):
    """Step 2, returned: the verdict and reason of each document, kept with the event."""
    documents = list(application.documents.select_related("item"))
    validate_verdicts(documents, verdicts)
    for document in documents:
        verdict, reason = verdicts.get(document.pk) or (ApplicationDocument.ACCEPTED, "")
        document.status = verdict
        document.reason = (reason or "").strip() if verdict == ApplicationDocument.REFUSED else ""
        document.save(update_fields=["status", "reason"])
        DocumentReview.objects.create(
            document=document,
            event=event,
            file_name=document.original_name,
            verdict=verdict,
            reason=document.reason,
            reviewer=actor,
        )


def refusal_note(verdicts, documents):
    """The public note of a refusal: one line per refused item with its reason."""
    lines = []
    for document in documents:
        verdict, reason = verdicts.get(document.pk) or ("", "")
        if verdict == ApplicationDocument.REFUSED:
            lines.append(f"{document.item.name}: {reason.strip()}")
    return "\n".join(lines)


def refuse_file(application, actor, verdicts, expected_version=None):
    """Front office returns the file; ``verdicts`` maps document pk → (verdict, reason)."""
    documents = list(application.documents.select_related("item"))
    # Checked before the step changes, so a refused call leaves the case object untouched.
    validate_verdicts(documents, verdicts)
    note = refusal_note(verdicts, documents)
    return core.perform(
        application,
        "refuse_file",
        actor,
        note=note,
        expected_version=expected_version,
        data={"verdicts": verdicts},
    )


def record_inspection(application, data, actor):
    """Step 4: the field inspection report (BAP), its findings and photos, and the recommendation."""
    recommended = data.get("recommendation") == "recommend"
    FieldInspection.objects.filter(application=application).delete()
    inspection = FieldInspection.objects.create(
        application=application,
        visit_date=data.get("visit_date") or timezone.localdate(),
        officers=data.get("officers", ""),
        conclusion=data.get("conclusion", ""),
        recommended=recommended,
        reasons=data.get("reasons", ""),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    for index, (facility, condition, notes) in enumerate(data.get("findings") or []):
        InspectionFinding.objects.create(
            inspection=inspection, facility=facility[:255], condition=condition, notes=notes, sort_order=index
        )
    for photo in data.get("photos") or []:
        clean = reencode_image(photo)
        record = InspectionPhoto(inspection=inspection)
        record.image.save(clean.name, clean, save=False)
        record.save()
    # The decree text is regenerated from the new recommendation when the back office opens it.
    application.update_fields(
        recommended=recommended,
        recommendation_reasons=inspection.reasons,
        decree_considerations="",
        decree_decision="",
    )


def _newlines(text):
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def record_decree_draft(application, data):
    """Step 5: the back office's draft decree (Menimbang and Memutuskan), generated when left empty."""
    application.update_fields(
        decree_considerations=_newlines(data.get("considerations")) or default_considerations(application),
        decree_decision=_newlines(data.get("decision")) or default_decision(application),
    )


ORDINALS = [
    "KESATU",
    "KEDUA",
    "KETIGA",
    "KEEMPAT",
    "KELIMA",
    "KEENAM",
    "KETUJUH",
    "KEDELAPAN",
    "KESEMBILAN",
    "KESEPULUH",
    "KESEBELAS",
]


def decree_ordinal(index):
    """KESATU, KEDUA, ... for the decision articles (0-based ``index``)."""
    if index < len(ORDINALS):
        return ORDINALS[index]
    return f"KE-{index + 1}"


def decree_articles(decision):
    """The decision's articles, one per paragraph (blank line) — or per line when the text has no
    blank lines but several lines — each with its ordinal: ``[("KESATU", text), ...]``."""
    text = _newlines(decision)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:
        paragraphs = [line.strip() for line in paragraphs[0].splitlines() if line.strip()]
    return [(decree_ordinal(index), paragraph) for index, paragraph in enumerate(paragraphs)]


# The decree -------------------------------------------------------------------------


def validity_years():
    return LicensingSettings.load().validity_years


def default_considerations(application):
    """Menimbang: generated from the application and the recommendation; the back office may edit it."""
    with translation.override("id"):
        inspection = getattr(application, "inspection", None)
        visit = inspection.visit_date.strftime("%d-%m-%Y") if inspection else "-"
        lines = [
            _(
                "that %(institution)s, %(address)s, %(regency)s, has applied for a licence to run courses "
                "and training with application number %(number)s;"
            )
            % {
                "institution": application.institution_name,
                "address": application.address.replace("\n", " "),
                "regency": application.regency,
                "number": application.tracking_number,
            },
            (
                _("that the technical office inspected the institution on %(date)s and recommended it;")
                if application.recommended
                else _("that the technical office inspected the institution on %(date)s and did not recommend it;")
            )
            % {"date": visit},
        ]
        if application.recommended:
            lines.append(
                _(
                    "that, based on these considerations, a decree of the head of office on the licence of "
                    "%(institution)s is to be issued;"
                )
                % {"institution": application.institution_name}
            )
        else:
            lines.append(
                _("that the institution does not yet meet the requirements: %(reasons)s;")
                % {"reasons": application.recommendation_reasons.replace("\n", " ")}
            )
        return "\n".join(lines)


def default_decision(application):
    """Memutuskan: one paragraph per article, from the institution's data."""
    with translation.override("id"):
        years = validity_years()
        if not application.recommended:
            return _(
                "The application of %(institution)s for a licence to run courses and training is refused. "
                "The institution may apply again once the shortcomings found in the field inspection are remedied."
            ) % {"institution": application.institution_name}
        programmes = ", ".join(application.programme_list)
        return "\n\n".join(
            [
                _(
                    "To grant %(institution)s, a %(legal_form)s headed by %(head)s, located at %(address)s, "
                    "%(regency)s, a licence to run courses and training."
                )
                % {
                    "institution": application.institution_name,
                    "legal_form": application.get_legal_form_display(),
                    "head": application.head_name,
                    "address": application.address.replace("\n", " "),
                    "regency": application.regency,
                },
                _("The licence covers the following course programmes: %(programmes)s.") % {"programmes": programmes},
                _(
                    "The institution shall run its courses according to the applicable standards and report its "
                    "activities to the office every year."
                ),
                _("This licence is valid for %(years)d years from the date of this decree.") % {"years": years},
            ]
        )


def promise_minutes(calendar):
    """The service promise: the sum of every timed step's standard (published SOP first)."""
    return sum(standard.minutes for standard in standards_for_procedure(PROCEDURE, calendar).values() if standard)


def promise_days(calendar):
    """The promise in whole office days, rounded up: 4 days 45 minutes of staff time → 5 working days."""
    minutes = promise_minutes(calendar)
    return math.ceil(minutes / calendar.minutes_per_day) if minutes and calendar.minutes_per_day else 0


def signer_for(actor, kind=DECREE_KIND):
    """The official the office settings name for licences; the signing account fills what they lack."""
    signer = signer_from_office(office_settings(), kind)
    if not signer["name"] and actor is not None and getattr(actor, "is_authenticated", False):
        signer["name"] = actor.get_full_name() or actor.email
    if not signer["title"]:
        with translation.override("id"):
            signer["title"] = _("Head of Office")
    return signer


def _add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def issue_decree(application, actor):
    """SOP step 8: number the licence, render the signed decree (SK) and record the licence."""
    office = office_settings()
    today = timezone.localdate()
    years = validity_years()
    valid_until = _add_years(today, years) - datetime.timedelta(days=1)
    number = next_number(
        "licensing:licence", LICENCE_NUMBER_PATTERN, timezone.localtime(), office_code=office.office_code or "DINAS"
    )
    with translation.override("id"):
        details = [
            (_("Institution"), application.institution_name),
            (_("Licence number"), number),
            (_("Head of the institution"), application.head_name),
            (_("Address"), f"{application.address}, {application.regency}"),
            (_("Course programmes"), "\n".join(application.programme_list)),
            (_("Valid"), f"{today:%d-%m-%Y} s.d. {valid_until:%d-%m-%Y}"),
        ]
        letter = issue_letter(
            kind=DECREE_KIND,
            code="SK-IPK",
            subject=_("Licence to run courses and training: %(institution)s")
            % {"institution": application.institution_name},
            addressee=f"{application.institution_name}\n{application.address}\n{application.regency}",
            body=f"{application.decree_considerations}\n\n{application.decree_decision}",
            details=details,
            case=application,
            signer=signer_for(actor),
            created_by=actor,
            template="licensing/decree_pdf.html",
            extra_context={
                "application": application,
                "licence_number": number,
                "considerations": [line for line in application.decree_considerations.splitlines() if line.strip()],
                "legal_basis": [line for line in LicensingSettings.load().legal_basis.splitlines() if line.strip()],
                "decisions": decree_articles(application.decree_decision),
                "valid_until": valid_until,
            },
        )
    return Licence.objects.create(
        number=number,
        application=application,
        letter=letter,
        institution_name=application.institution_name,
        programmes="\n".join(application.programme_list),
        regency=application.regency,
        address=application.address,
        valid_from=today,
        valid_until=valid_until,
    )


def issue_refusal(application, actor):
    """The signed refusal letter when the technical office did not recommend the licence."""
    with translation.override("id"):
        return issue_letter(
            kind=REFUSAL_KIND,
            code="TLK-IPK",
            subject=_("Refusal of the licence to run courses and training"),
            addressee=f"{application.institution_name}\n{application.address}\n{application.regency}",
            body="\n\n".join(
                [
                    _("In reply to your application with number %(number)s, we inform you as follows.")
                    % {"number": application.tracking_number},
                    application.decree_considerations,
                    application.decree_decision,
                ]
            ),
            details=[
                (_("Institution"), application.institution_name),
                (_("Reasons"), application.recommendation_reasons),
            ],
            case=application,
            signer=signer_for(actor, REFUSAL_KIND),
            created_by=actor,
        )
