"""Staff outputs: participant list (XLSX), *daftar hadir* per session and the implementation report (PDF)."""

import io
from collections import Counter

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from enrolment.assessment import class_averages
from enrolment.attendance import attendance_summary, countable_sessions
from enrolment.models import Attendance, Enrolment, Participant
from enrolment.procedure import PROCEDURE, SEATED_STATES
from portal.nik import mask_email, mask_nik, mask_phone
from portal.pdf import render_pdf
from portal.spreadsheets import formula_safe
from procedures.letters import office_settings

#: Text a spreadsheet will never run as a formula (OWASP CSV/formula injection): the portal's one rule.
safe_cell = formula_safe


def class_rows(course):
    """Every enrolment of a class with its participant, attendance and scores in a fixed number of queries."""
    enrolments = list(
        Enrolment.objects.filter(course_id=course.pk)
        .exclude(tracking_number=None)
        .select_related("participant")
        .prefetch_related("attendances", "test_results")
        .order_by("participant__full_name", "pk")
    )
    sessions = countable_sessions(course)
    for enrolment in enrolments:
        enrolment.course = course
        records = {a.session_id: a for a in enrolment.attendances.all()}
        enrolment.__dict__["attendance_summary"] = attendance_summary(enrolment, sessions, records)
    return enrolments


def participants_xlsx(course, full=False):
    """The class list. By default personal data is masked (NIK ``3510••••••••0001``, phone, email,
    no street address or birth date); ``full=True`` is for holders of the explicit permission
    (the view checks it and logs the export)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Participants")[:31]
    headers = [
        _("Tracking number"),
        _("Name"),
        _("NIK"),
        _("Gender"),
        _("Date of birth"),
        _("Phone / WhatsApp"),
        _("Email"),
        _("Address"),
        _("Regency / city"),
        _("Education"),
        _("Occupation"),
        _("Accommodation"),
        _("Step"),
        _("Attendance (%)"),
        _("Pre-test"),
        _("Post-test"),
        _("Final score"),
        _("Result"),
    ]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for e in class_rows(course):
        p = e.participant
        pre, post = e.test_scores
        rate = e.attendance_rate
        values = [
            e.tracking_number,
            p.full_name,
            (p.nik or "") if full else mask_nik(p.nik),
            p.get_gender_display(),
            p.birth_date if full else p.birth_date.year,
            p.phone if full else mask_phone(p.phone),
            p.email if full else mask_email(p.email),
            p.address if full else "",
            p.regency,
            p.get_education_display(),
            p.occupation,
            p.disability,
            e.state_label,
            round(rate, 1) if rate is not None else None,
            float(pre) if pre is not None else None,
            float(post) if post is not None else None,
            float(e.final_score) if e.final_score is not None else None,
            e.get_result_display() if e.result else "",
        ]
        sheet.append([safe_cell(str(v) if isinstance(v, Promise) else v) for v in values])
        # NIK and phone numbers are text, never numbers (leading zeros, 16 digits).
        row = sheet.max_row
        sheet.cell(row=row, column=3).number_format = "@"
        if full:
            sheet.cell(row=row, column=5).number_format = "DD-MM-YYYY"
    for column, width in zip(
        "ABCDEFGHIJKLMNOPQR", (16, 28, 18, 12, 12, 16, 26, 30, 18, 18, 18, 18, 22, 10, 9, 9, 9, 14), strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def score_sheet_xlsx(course):
    """A template for paper-test scores, filled with the class's participants."""
    from openpyxl import Workbook

    from enrolment.assessment import IMPORT_HEADERS

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([h.title() for h in IMPORT_HEADERS])
    for e in class_rows(course):
        if e.state in SEATED_STATES:
            pre, post = e.test_scores
            sheet.append(
                [
                    e.tracking_number,
                    safe_cell(e.participant.full_name),
                    float(pre) if pre is not None else None,
                    float(post) if post is not None else None,
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def attendance_sheet_pdf(course, session):
    """The *daftar hadir* of one session, for signing: every seated participant with the recorded status."""
    enrolments = [e for e in class_rows(course) if e.state in SEATED_STATES]
    records = {a.enrolment_id: a for a in Attendance.objects.filter(session=session)}
    rows = [(e, records.get(e.pk)) for e in enrolments]
    return render_pdf(
        "enrolment/pdf/attendance_sheet.html",
        {
            "course": course,
            "session": session,
            "rows": rows,
            "printed_at": timezone.localtime(),
            "office": office_settings(),
        },
    )


def report_context(course):
    enrolments = class_rows(course)
    by_state = Counter(e.state for e in enrolments)
    status_rows = [(step.label, by_state.get(step.state, 0)) for step in PROCEDURE.steps if by_state.get(step.state)]
    seated = [e for e in enrolments if e.state in SEATED_STATES]
    gender_labels = dict(Participant.Gender.choices)
    genders = Counter(e.participant.gender for e in seated)
    regencies = Counter(e.participant.regency.strip().title() for e in seated)
    sessions = countable_sessions(course)
    present = Counter()
    recorded = Counter()
    seated_ids = {e.pk for e in seated}
    for record in Attendance.objects.filter(session__page_id=course.pk, enrolment_id__in=seated_ids):
        recorded[record.session_id] += 1
        if record.counts_as_present:
            present[record.session_id] += 1
    session_rows = [
        (s, present[s.pk], recorded[s.pk], (present[s.pk] * 100 / len(seated)) if seated else None) for s in sessions
    ]
    completed = [e for e in enrolments if e.state == "completed"]
    passed = [e for e in completed if e.is_passed]
    return {
        "course": course,
        "total": len(enrolments),
        "status_rows": status_rows,
        "seated": len(seated),
        "gender_rows": [(gender_labels.get(k, k), v) for k, v in sorted(genders.items())],
        "regency_rows": sorted(regencies.items(), key=lambda item: (-item[1], item[0])),
        "session_rows": session_rows,
        "averages": class_averages(course),
        "completed": len(completed),
        "passed": len(passed),
        "completion_rate": (len(passed) * 100 / len(seated)) if seated else None,
        "printed_at": timezone.localtime(),
        "office": office_settings(),
    }


def report_pdf(course):
    return render_pdf("enrolment/pdf/report.html", report_context(course))
