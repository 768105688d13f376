"""Pre-test and post-test (SOP 002: "pre test"/"post test", 45 minutes each, "if any").

Participants take the test on their phone inside the agenda slot of kind pre-/post-test;
the answers are scored against the class's question bank. For paper tests staff enter
the scores or import them from a spreadsheet.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Avg, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from enrolment.models import Attendance, Choice, Enrolment, Question, TestResult, session_kind_for

TAKING_STATES = ("accepted", "attending", "evaluation")
TWO_PLACES = Decimal("0.01")


class TestNotAvailable(Exception):
    pass


def questions_for(course):
    return list(
        Question.objects.filter(course_id=course.pk)
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")))
        .order_by("sort_order", "pk")
    )


def test_session(course, kind, now=None):
    """The agenda slot of this test that is running now, or None."""
    now = now or timezone.now()
    for session in course.agenda:
        if session.kind == session_kind_for(kind) and session.starts_at <= now <= session.ends_at:
            return session
    return None


def test_slots(course, kind):
    return [s for s in course.agenda if s.kind == session_kind_for(kind)]


def available_tests(enrolment, now=None):
    """The tests the participant can take right now: [(kind, label, session)]."""
    if enrolment.state not in TAKING_STATES:
        return []
    taken = {r.kind for r in enrolment.test_results.all()}
    items = []
    for kind, label in TestResult.Kind.choices:
        if kind in taken:
            continue
        session = test_session(enrolment.course, kind, now)
        if session is not None and Question.objects.filter(course_id=enrolment.course_id).exists():
            items.append((kind, label, session))
    return items


def score(questions, answers):
    """(correct, total, score 0–100) for {question_pk: choice_pk} answers."""
    total = len(questions)
    correct = 0
    for question in questions:
        chosen = answers.get(question.pk)
        if chosen is not None and any(c.pk == chosen and c.is_correct for c in question.choices.all()):
            correct += 1
    value = (Decimal(correct) * 100 / total).quantize(TWO_PLACES, ROUND_HALF_UP) if total else Decimal(0)
    return correct, total, value


def submit_test(enrolment, kind, answers, now=None):
    """Score and store the participant's answers; refuses outside the slot or a second attempt."""
    if enrolment.state not in TAKING_STATES:
        raise TestNotAvailable(_("Only accepted participants take the tests of this class."))
    if test_session(enrolment.course, kind, now) is None:
        raise TestNotAvailable(_("The test can only be taken during its slot in the agenda."))
    questions = questions_for(enrolment.course)
    if not questions:
        raise TestNotAvailable(_("This class has no test questions."))
    correct, total, value = score(questions, answers)
    session = test_session(enrolment.course, kind, now)
    try:
        with transaction.atomic():
            # Answering inside the slot proves presence at that session of the agenda.
            Attendance.objects.get_or_create(
                enrolment=enrolment,
                session=session,
                defaults={
                    "status": Attendance.Status.PRESENT,
                    "method": Attendance.Method.TEST,
                    "recorded_at": now or timezone.now(),
                },
            )
            return TestResult.objects.create(
                enrolment=enrolment,
                kind=kind,
                score=value,
                correct=correct,
                total=total,
                answers={str(k): v for k, v in answers.items()},
                source=TestResult.Source.ONLINE,
                recorded_by=enrolment.participant.user,
                recorded_at=now or timezone.now(),
            )
    except IntegrityError:
        raise TestNotAvailable(_("You have already taken this test."))


def record_score(enrolment, kind, value, actor, source=TestResult.Source.MANUAL):
    """Staff enter (or correct) a paper test score; ``None`` deletes it."""
    if value is None:
        TestResult.objects.filter(enrolment=enrolment, kind=kind).delete()
        return None
    result, _created = TestResult.objects.update_or_create(
        enrolment=enrolment,
        kind=kind,
        defaults={"score": value, "source": source, "recorded_by": actor, "recorded_at": timezone.now()},
    )
    return result


def class_averages(course):
    results = TestResult.objects.filter(enrolment__course_id=course.pk).exclude(
        enrolment__state__in=("withdrawn", "removed", "rejected")
    )
    averages = {kind: results.filter(kind=kind).aggregate(avg=Avg("score"))["avg"] for kind in ("pre", "post")}
    pre, post = averages["pre"], averages["post"]
    gain = post - pre if pre is not None and post is not None else None
    return {"pre": pre, "post": post, "gain": gain}


# --- Spreadsheet import of paper-test scores -------------------------------------------------

IMPORT_HEADERS = ("nomor pendaftaran", "nama", "pre-test", "post-test")
#: Limits checked on the zip directory before openpyxl reads a byte of the workbook (zip bombs).
XLSX_MAX_UNCOMPRESSED = 50 * 1024 * 1024  # all members together, uncompressed
XLSX_MAX_MEMBER = 25 * 1024 * 1024  # one member
XLSX_MAX_RATIO = 100  # uncompressed : compressed, per member and in total
XLSX_MAX_MEMBERS = 1000


def xlsx_is_safe(uploaded):
    """Whether an uploaded .xlsx may be opened: a zip whose declared sizes and ratios are modest.

    A few kilobytes of zip can expand to gigabytes; openpyxl would inflate them in memory. The
    zip's central directory states every member's sizes, so the check reads no member data.
    (The sizes are the archive's claims; zipfile stops reading a member at its declared size.)
    """
    import zipfile

    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        uploaded.seek(0)
    if not members or len(members) > XLSX_MAX_MEMBERS:
        return False
    total = compressed = 0
    for member in members:
        if member.file_size > XLSX_MAX_MEMBER:
            return False
        if member.file_size > 1024 * 1024 and member.file_size > XLSX_MAX_RATIO * max(member.compress_size, 1):
            return False
        total += member.file_size
        compressed += member.compress_size
    return total <= XLSX_MAX_UNCOMPRESSED and (total <= 1024 * 1024 or total <= XLSX_MAX_RATIO * max(compressed, 1))


def parse_score(raw):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(_("“%(value)s” is not a number") % {"value": str(raw)[:30]})
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
        raise ValueError(_("a score must be between 0 and 100"))
    return value.quantize(TWO_PLACES, ROUND_HALF_UP)


def import_scores(course, uploaded, actor):
    """Read an XLSX of (tracking number, name, pre, post); returns (updated_count, [row errors]).

    Nothing is saved when any row has an error, so staff fix the sheet and upload it again.
    """
    from openpyxl import load_workbook

    if not xlsx_is_safe(uploaded):
        return 0, [_("The file is not a readable Excel workbook (.xlsx).")]
    try:
        uploaded.seek(0)
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception:
        return 0, [_("The file is not a readable Excel workbook (.xlsx).")]
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True, max_row=5001)
    header = next(rows, None)
    normalised = tuple(str(cell or "").strip().lower() for cell in (header or ())[:4])
    if normalised != IMPORT_HEADERS:
        return 0, [
            _("The first row must be the headers: %(headers)s.")
            % {"headers": ", ".join(h.title() for h in IMPORT_HEADERS)}
        ]
    enrolments = {
        e.tracking_number: e
        for e in Enrolment.objects.filter(course_id=course.pk).exclude(state__in=("withdrawn", "rejected", "draft"))
    }
    errors, updates, seen = [], [], set()
    for number, row in enumerate(rows, start=2):
        cells = list(row or ()) + [None] * 4
        tracking, _name, pre_raw, post_raw = cells[:4]
        if all(c is None or str(c).strip() == "" for c in cells[:4]):
            continue
        tracking = str(tracking or "").strip().upper()
        enrolment = enrolments.get(tracking)
        if enrolment is None:
            errors.append(
                _("Row %(row)d: %(number)s is not a participant of this class.")
                % {"row": number, "number": tracking or "—"}
            )
            continue
        if tracking in seen:
            errors.append(_("Row %(row)d: %(number)s appears twice.") % {"row": number, "number": tracking})
            continue
        seen.add(tracking)
        try:
            pre, post = parse_score(pre_raw), parse_score(post_raw)
        except ValueError as error:
            errors.append(_("Row %(row)d: %(error)s.") % {"row": number, "error": error})
            continue
        updates.append((enrolment, pre, post))
    if errors:
        return 0, errors
    with transaction.atomic():
        for enrolment, pre, post in updates:
            if pre is not None:
                record_score(enrolment, "pre", pre, actor, TestResult.Source.IMPORT)
            if post is not None:
                record_score(enrolment, "post", post, actor, TestResult.Source.IMPORT)
    return len(updates), []
