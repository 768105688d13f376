"""Everything that changes an enrolment: registration, verification with seats and the waiting
list, withdrawal, the start and end of a class and the instructor's evaluation.

Seat rule (SOP step 2): capacity counts accepted participants. Every change of seats runs in
one transaction that first locks the class's ``courses.SeatCount`` row (``SELECT … FOR
UPDATE``), so concurrent acceptances of the last seat queue up behind each other; the counts
are then recomputed from the enrolments, and the database refuses a seat number held twice.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, SeatCount
from enrolment.models import CompletionRule, Enrolment, Participant
from enrolment.procedure import PROCEDURE, SEATED_STATES
from enrolment.signals import enrolment_completed
from procedures import services
from procedures.outbox import queue_email


class SeatsFull(services.TransitionNotAllowed):
    pass


# --- Seats --------------------------------------------------------------------------------


def lock_seats(course):
    """Lock the class's seat counter for the rest of the transaction (created on first use)."""
    return SeatCount.for_course(course, lock=True)


def sync_seats(seat_count):
    """Write the exact counts (from the enrolments) into the locked counter."""
    course_enrolments = Enrolment.objects.filter(course_id=seat_count.course_id)
    seat_count.accepted = course_enrolments.filter(state__in=SEATED_STATES).count()
    seat_count.waitlisted = course_enrolments.filter(state="waitlisted").count()
    seat_count.save(update_fields=["accepted", "waitlisted"])
    return seat_count


def is_full(course):
    if course.capacity is None:
        return False
    return Enrolment.objects.filter(course_id=course.pk, state__in=SEATED_STATES).count() >= course.capacity


def _free_seat_number(course):
    taken = set(
        Enrolment.objects.filter(course_id=course.pk, seat_number__isnull=False).values_list("seat_number", flat=True)
    )
    number = 1
    while number in taken:
        number += 1
    return number


def act(enrolment, name, actor, **kwargs):
    """Perform transition ``name`` with the class's seats locked first (one lock order everywhere)."""
    with transaction.atomic():
        lock_seats(enrolment.course)
        return services.perform(enrolment, name, actor, **kwargs)


def decide(enrolment, actor, *, expected_version=None, note="", attachment=None, system=False):
    """SOP step 2, "accept": a seat when one is free, else the waiting list. Race-safe."""
    with transaction.atomic():
        lock_seats(enrolment.course)
        name = "waitlist" if is_full(enrolment.course) else "accept"
        return services.perform(
            enrolment,
            name,
            actor,
            expected_version=expected_version,
            note=note,
            attachment=attachment,
            system=system,
        )


def promote_next(course, actor=None):
    """Give a free seat to the first person waiting; returns the promoted enrolment or None."""
    if course.capacity is not None and is_full(course):
        return None
    if course.end_date < timezone.localdate():
        return None
    waiting = Enrolment.objects.waitlisted().filter(course_id=course.pk).select_related("participant").first()
    if waiting is None:
        return None
    services.perform(waiting, "promote", actor, system=True, note=_("A seat became free."))
    return waiting


# --- Registration -------------------------------------------------------------------------


def save_profile(form, user=None, registered_by=None):
    participant = form.save(commit=False)
    if user is not None and participant.user_id is None:
        participant.user = user
    if registered_by is not None and participant.pk is None:
        participant.registered_by = registered_by
    if form.cleaned_data.get("consent"):
        participant.consent_at = participant.consent_at or timezone.now()
    participant.save()
    return participant


def enrol(participant, course, actor, *, motivation="", walk_in=False):
    """SOP step 1: register ``participant`` for ``course``; returns (enrolment, created).

    A second request for the same person and class (double submit, two tabs) returns the
    existing enrolment: the partial unique constraint settles simultaneous requests.
    """
    existing = Enrolment.objects.active().filter(participant=participant, course_id=course.pk).first()
    if existing is not None:
        return existing, False
    if not course.accepts_registrations:
        raise ValidationError(_("Registration for this class is not open."))
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                participant=participant,
                course=course,
                motivation=motivation,
                walk_in=walk_in,
                state=PROCEDURE.initial_state,
            )
            services.perform(enrolment, "submit", actor, system=walk_in)
    except IntegrityError:
        return Enrolment.objects.active().get(participant=participant, course_id=course.pk), False
    return enrolment, True


def withdraw(enrolment, user):
    if not enrolment.may_withdraw():
        raise services.TransitionNotAllowed(_("The class has started: you can no longer withdraw."))
    return act(enrolment, "withdraw", user)


# --- Delivery ------------------------------------------------------------------------------


def start_class(course, actor, system=True):
    """SOP step 3 begins: every accepted participant of the class is now taking part."""
    started = 0
    for enrolment in Enrolment.objects.filter(course_id=course.pk, state="accepted"):
        try:
            services.perform(enrolment, "start", actor, system=system)
        except services.TransitionConflict:
            continue
        started += 1
    return started


def open_evaluation(course, actor):
    """The class is over: everyone still taking part waits for the instructor's evaluation (step 4)."""
    start_class(course, actor)
    moved = 0
    for enrolment in Enrolment.objects.filter(course_id=course.pk, state="attending"):
        try:
            services.perform(enrolment, "to_evaluation", actor, system=True)
        except services.TransitionConflict:
            continue
        moved += 1
    return moved


def completion_check(enrolment, rule=None, decision=None, final_score=None):
    """Apply the class's completion rule; returns (passed, [reasons for failing])."""
    rule = rule or CompletionRule.for_course(enrolment.course)
    decision = enrolment.evaluation_decision if decision is None else decision
    final_score = enrolment.final_score if final_score is None else final_score
    reasons = []
    rate = enrolment.attendance_rate
    if rate is not None and rate < rule.min_attendance:
        reasons.append(_("Attendance %(rate).0f%% is below %(min)s%%.") % {"rate": rate, "min": rule.min_attendance})
    if rule.require_evaluation_pass:
        if decision == Enrolment.Decision.PASS:
            passed_evaluation = True
        elif decision == Enrolment.Decision.FAIL:
            passed_evaluation = False
        else:
            passed_evaluation = final_score is not None and final_score >= rule.pass_score
        if not passed_evaluation:
            reasons.append(_("The evaluation was not passed."))
    if rule.min_post_test is not None:
        _pre, post = enrolment.test_scores
        if post is None or post < rule.min_post_test:
            reasons.append(_("The post-test score is below %(min)s.") % {"min": rule.min_post_test})
    return not reasons, reasons


def evaluate(enrolment, actor, *, final_score=None, decision="", feedback="", grade="", work_photo=None, note=""):
    """SOP step 4 for one participant (from the staff screens, not the admin case view)."""
    return services.perform(
        enrolment,
        "complete",
        actor,
        note=note,
        data={
            "final_score": final_score,
            "evaluation_decision": decision,
            "feedback": feedback,
            "grade": grade,
            "work_photo": work_photo,
        },
    )


# --- Side effects of transitions (called by Enrolment.on_transition) -----------------------


def on_transition(enrolment, transition, event, actor, data):
    name = transition.name
    if name in ("accept", "promote", "waitlist", "withdraw", "remove"):
        _update_seats(enrolment, name, event)
    elif name == "complete":
        _record_completion(enrolment, actor, data)


def _update_seats(enrolment, name, event):
    course = CoursePage.objects.get(pk=enrolment.course_id)
    seat_count = lock_seats(course)
    updates = {}
    if name in ("accept", "promote"):
        if course.capacity is not None and (
            Enrolment.objects.filter(course_id=course.pk, state__in=SEATED_STATES).count() > course.capacity
        ):
            raise SeatsFull(_("The class is full: put the participant on the waiting list."))
        updates["seat_number"] = _free_seat_number(course)
    elif name == "waitlist":
        updates["waitlisted_at"] = timezone.now()
    elif event.from_state in SEATED_STATES:
        updates["seat_number"] = None
    if updates:
        Enrolment.objects.filter(pk=enrolment.pk).update(**updates)
        for field, value in updates.items():
            setattr(enrolment, field, value)
    sync_seats(seat_count)
    if name == "waitlist":
        queue_email(
            [enrolment.applicant_email],
            _("[%(number)s] Waiting list for %(course)s: number %(position)s")
            % {"number": enrolment.tracking_number, "course": course.title, "position": enrolment.waitlist_position},
            "enrolment/email/waitlisted.txt",
            {"enrolment": enrolment, "course": course, "position": enrolment.waitlist_position},
            key=f"enrolment:{enrolment.pk}:{event.sequence}:waitlist",
        )
    elif name == "promote":
        queue_email(
            [enrolment.applicant_email],
            _("[%(number)s] A seat is yours: %(course)s")
            % {"number": enrolment.tracking_number, "course": course.title},
            "enrolment/email/promoted.txt",
            {"enrolment": enrolment, "course": course},
            key=f"enrolment:{enrolment.pk}:{event.sequence}:promoted",
        )
    if name in ("withdraw", "remove") and event.from_state in SEATED_STATES and not enrolment.course_started():
        promote_next(course)


def _record_completion(enrolment, actor, data):
    photo = data.get("work_photo")
    decision = data.get("evaluation_decision") or ""
    final_score = data.get("final_score")
    passed, reasons = completion_check(enrolment, decision=decision, final_score=final_score)
    enrolment.evaluation_decision = decision
    enrolment.final_score = final_score
    enrolment.feedback = data.get("feedback") or ""
    enrolment.grade = data.get("grade") or ""
    enrolment.evaluated_by = actor if actor is not None and actor.is_authenticated else None
    enrolment.result = Enrolment.Result.PASSED if passed else Enrolment.Result.FAILED
    enrolment.completed_at = timezone.now()
    fields = ["evaluation_decision", "final_score", "feedback", "grade", "evaluated_by", "result", "completed_at"]
    if photo:
        enrolment.work_photo.save(photo.name, photo, save=False)
        fields.append("work_photo")
    Enrolment.objects.filter(pk=enrolment.pk).update(**{f: getattr(enrolment, f) for f in fields})
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


def participant_for(user):
    return Participant.objects.filter(user=user).first() if user.is_authenticated else None
