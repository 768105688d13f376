"""What the enrolment SOP's transitions do besides moving the case (declared in ``procedure.py``).

Each function runs inside its transition's transaction, after the seat lock the transition
declares, with the :class:`procedures.services.Move` being applied.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage
from enrolment.models import Enrolment
from enrolment.procedure import SEATED_STATES
from enrolment.seats import check_capacity, free_seat_number, lock_seats, sync_seats
from enrolment.services import completion_check, promote_next
from enrolment.signals import enrolment_completed
from procedures.outbox import queue_email


def take_seat(enrolment, move):
    """Step 2, "accept": the participant gets the lowest free seat number."""
    course = CoursePage.objects.get(pk=enrolment.course_id)
    seat_count = lock_seats(course)
    check_capacity(course)
    enrolment.update_fields(seat_number=free_seat_number(course))
    sync_seats(seat_count)
    return course


def take_freed_seat(enrolment, move):
    """A seat became free: the first person waiting takes it and is told by email."""
    course = take_seat(enrolment, move)
    queue_email(
        [enrolment.applicant_email],
        _("[%(number)s] A seat is yours: %(course)s") % {"number": enrolment.tracking_number, "course": course.title},
        "enrolment/email/promoted.txt",
        {"enrolment": enrolment, "course": course},
        key=f"enrolment:{enrolment.pk}:{move.event.sequence}:promoted",
    )


def join_waitlist(enrolment, move):
    """Step 2 on a full class: the participant joins the waiting list and learns their position."""
    course = CoursePage.objects.get(pk=enrolment.course_id)
    seat_count = lock_seats(course)
    enrolment.update_fields(waitlisted_at=timezone.now())
    sync_seats(seat_count)
    position = enrolment.waitlist_position
    queue_email(
        [enrolment.applicant_email],
        _("[%(number)s] Waiting list for %(course)s: number %(position)s")
        % {"number": enrolment.tracking_number, "course": course.title, "position": position},
        "enrolment/email/waitlisted.txt",
        {"enrolment": enrolment, "course": course, "position": position},
        key=f"enrolment:{enrolment.pk}:{move.event.sequence}:waitlist",
    )


def free_seat(enrolment, move):
    """Withdrawal or removal: a held seat is freed and, before the class starts, given to the next in line."""
    course = CoursePage.objects.get(pk=enrolment.course_id)
    seat_count = lock_seats(course)
    held_a_seat = move.event.from_state in SEATED_STATES
    if held_a_seat:
        enrolment.update_fields(seat_number=None)
    sync_seats(seat_count)
    if held_a_seat and not enrolment.course_started():
        promote_next(course)


def record_completion(enrolment, move):
    """Step 4: the instructor's evaluation, the class's completion rule and the result (*lulus*)."""
    data, actor = move.data, move.actor
    photo = data.get("work_photo")
    decision = data.get("evaluation_decision") or ""
    final_score = data.get("final_score")
    passed, reasons = completion_check(enrolment, decision=decision, final_score=final_score)
    values = {
        "evaluation_decision": decision,
        "final_score": final_score,
        "feedback": data.get("feedback") or "",
        "grade": data.get("grade") or "",
        "evaluated_by": actor if actor is not None and actor.is_authenticated else None,
        "result": Enrolment.Result.PASSED if passed else Enrolment.Result.FAILED,
        "completed_at": timezone.now(),
    }
    if photo:
        enrolment.work_photo.save(photo.name, photo, save=False)
        values["work_photo"] = enrolment.work_photo.name
    enrolment.update_fields(**values)
    queue_email(
        [enrolment.applicant_email],
        _("[%(number)s] Your result for %(course)s")
        % {"number": enrolment.tracking_number, "course": enrolment.course.title},
        "enrolment/email/result.txt",
        {"enrolment": enrolment, "course": enrolment.course, "reasons": reasons},
        key=f"enrolment:{enrolment.pk}:result",
    )
    pk = enrolment.pk

    def send_signal():
        enrolment_completed.send(sender=Enrolment, enrolment=Enrolment.objects.get(pk=pk))

    transaction.on_commit(send_signal)
