"""Everything that changes an enrolment: registration, verification with seats and the waiting
list, withdrawal, the start and end of a class and the instructor's evaluation.

The seat rule lives in ``enrolment.seats`` and the transitions' effects in ``enrolment.effects``;
both are declared on the procedure, so every path (the admin case screen, the staff screens, the
participant's own pages, the demo) goes through ``procedures.services.perform`` alike.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enrolment.models import CompletionRule, Enrolment, Participant
from enrolment.seats import is_full
from procedures import services

logger = logging.getLogger(__name__)


def decide(enrolment, actor, *, expected_version=None, note="", attachment=None, system=False):
    """SOP step 2, "accept": a seat when one is free, else the waiting list (the procedure's rule). Race-safe."""
    return services.perform(
        enrolment,
        "accept",
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
    """Save a participant form; a NIK another profile holds is kept for staff review, never taken over."""
    previous_nik = None
    if form.instance.pk:
        previous_nik = type(form.instance).objects.filter(pk=form.instance.pk).values_list("nik", flat=True).first()
    participant = form.save(commit=False)
    if getattr(form, "nik_clash", False):
        participant.nik_review = participant.nik
        participant.nik = previous_nik
        logger.warning("participant NIK clash sent to staff review (participant %s)", participant.pk or "new")
    if user is not None and participant.user_id is None:
        participant.user = user
    if registered_by is not None and participant.pk is None:
        participant.registered_by = registered_by
    if form.cleaned_data.get("consent"):
        participant.consent_at = participant.consent_at or timezone.now()
    participant.save()
    if form.cleaned_data.get("consent") and participant.user_id:
        from privacy import consent

        consent.record(participant.user, source="enrolment")
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
            enrolment = Enrolment(participant=participant, course=course, motivation=motivation, walk_in=walk_in)
            enrolment.start()
            services.perform(enrolment, "submit", actor, system=walk_in)
    except IntegrityError:
        return Enrolment.objects.active().get(participant=participant, course_id=course.pk), False
    return enrolment, True


def withdraw(enrolment, user):
    if not enrolment.may_withdraw():
        raise services.TransitionNotAllowed(_("The class has started: you can no longer withdraw."))
    return services.perform(enrolment, "withdraw", user)


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


def participant_for(user):
    return Participant.objects.filter(user=user).first() if user.is_authenticated else None
