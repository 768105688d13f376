"""Attendance per agenda session (*daftar hadir*): roll call by staff and self check-in by QR.

The QR the instructor shows encodes a link with a code that changes every minute: an HMAC
of the session and the minute, keyed with SECRET_KEY. A code is accepted in its own minute
and the next one only, and only while the session runs (with a short grace window), by a
logged-in participant accepted in that class. A link shared on a chat group is useless a
minute later, and useless to anyone who is not a participant.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CourseSession
from enrolment.models import Attendance, Enrolment

GRACE_BEFORE = timedelta(minutes=15)
GRACE_AFTER = timedelta(minutes=10)
LATE_AFTER = timedelta(minutes=15)
CODE_SECONDS = 60
#: Agenda rows that take no attendance.
NOT_COUNTED_KINDS = ("break",)
CHECKIN_STATES = ("accepted", "attending")


class CheckInRefused(Exception):
    pass


def countable_sessions(course):
    return [session for session in course.agenda if session.kind not in NOT_COUNTED_KINDS]


def held_sessions(sessions, now=None):
    now = now or timezone.now()
    return [session for session in sessions if session.starts_at <= now]


def attendance_summary(enrolment, sessions=None, records=None, now=None):
    """{"held", "attended", "rate"}: the share of sessions held so far that the participant attended."""
    if sessions is None:
        sessions = countable_sessions(enrolment.course)
    held = held_sessions(sessions, now)
    if records is None:
        records = {a.session_id: a for a in enrolment.attendances.all()}
    attended = sum(1 for s in held if s.pk in records and records[s.pk].counts_as_present)
    rate = attended * 100 / len(held) if held else None
    return {"held": len(held), "attended": attended, "rate": rate}


# --- Rotating QR codes ----------------------------------------------------------------------


def time_bucket(now=None):
    return int((now or timezone.now()).timestamp() // CODE_SECONDS)


def checkin_code(session_id, bucket):
    message = f"enrolment.checkin:{session_id}:{bucket}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return digest[:16]


def current_code(session, now=None):
    return checkin_code(session.pk, time_bucket(now))


def code_is_fresh(session, code, now=None):
    bucket = time_bucket(now)
    code = (code or "")[:64]
    return any(hmac.compare_digest(code, checkin_code(session.pk, b)) for b in (bucket, bucket - 1))


def checkin_open(session, now=None):
    now = now or timezone.now()
    return session.starts_at - GRACE_BEFORE <= now <= session.ends_at + GRACE_AFTER


def checkin_url(session, now=None):
    return reverse("enrolment:check_in", args=[session.pk, current_code(session, now)])


def check_in(user, session, code, now=None):
    """Mark ``user`` present (or late) at ``session``; raises CheckInRefused with the reason."""
    now = now or timezone.now()
    if not checkin_open(session, now):
        raise CheckInRefused(_("Check-in for this session is closed: it only works while the session runs."))
    if not code_is_fresh(session, code, now):
        raise CheckInRefused(_("This check-in code has expired. Scan the QR code on the instructor's screen again."))
    enrolment = (
        Enrolment.objects.filter(course_id=session.page_id, participant__user=user, state__in=CHECKIN_STATES)
        .select_related("course", "participant")
        .first()
    )
    if enrolment is None:
        raise CheckInRefused(_("Only accepted participants of this class can check in."))
    status = Attendance.Status.PRESENT if now <= session.starts_at + LATE_AFTER else Attendance.Status.LATE
    with transaction.atomic():
        if enrolment.state == "accepted":
            from enrolment.services import start_class

            start_class(enrolment.course, None)
        record = Attendance.objects.select_for_update().filter(enrolment=enrolment, session=session).first()
        if record is None:
            try:
                with transaction.atomic():
                    record = Attendance.objects.create(
                        enrolment=enrolment,
                        session=session,
                        status=status,
                        method=Attendance.Method.QR,
                        recorded_at=now,
                        recorded_by=user,
                    )
            except IntegrityError:
                record = Attendance.objects.get(enrolment=enrolment, session=session)
        elif record.status == Attendance.Status.ABSENT:
            record.status, record.method, record.recorded_at, record.recorded_by = (
                status,
                Attendance.Method.QR,
                now,
                user,
            )
            record.save()
    return record


# --- Roll call -------------------------------------------------------------------------------


def roll_call_enrolments(course):
    return (
        Enrolment.objects.filter(course_id=course.pk, state__in=("accepted", "attending", "evaluation", "completed"))
        .select_related("participant")
        .order_by("participant__full_name", "pk")
    )


def save_roll_call(session, statuses, actor, now=None):
    """``statuses``: {enrolment_pk: status}; writes the session's attendance and starts the class."""
    now = now or timezone.now()
    course = session.page
    with transaction.atomic():
        if now >= session.starts_at - GRACE_BEFORE:
            from enrolment.services import start_class

            start_class(course, actor)
        valid = set(roll_call_enrolments(course).values_list("pk", flat=True))
        existing = {a.enrolment_id: a for a in Attendance.objects.select_for_update().filter(session=session)}
        saved = 0
        for enrolment_pk, status in statuses.items():
            if enrolment_pk not in valid or status not in Attendance.Status.values:
                continue
            record = existing.get(enrolment_pk)
            if record is None:
                Attendance.objects.create(
                    enrolment_id=enrolment_pk, session=session, status=status, recorded_at=now, recorded_by=actor
                )
            elif record.status != status:
                record.status, record.method, record.recorded_at, record.recorded_by = (
                    status,
                    Attendance.Method.ROLL_CALL,
                    now,
                    actor,
                )
                record.save()
            saved += 1
    return saved


def session_of(course, session_id):
    return CourseSession.objects.select_related("page").get(pk=session_id, page_id=course.pk)
