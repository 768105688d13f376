"""Moving cases through their procedure: permission, race safety, logging, clock, effects, notifications."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from accounts.roles import has_role
from procedures.clock import OfficeCalendar, office_calendar
from procedures.models import CaseEvent
from procedures.numbering import tracking_number
from procedures.outbox import queue_email
from procedures.registry import Transition, resolve
from procedures.standards import standard_for_step

LOG_ACTION = "procedures.transition"


class TransitionError(Exception):
    pass


class TransitionNotAllowed(TransitionError):
    pass


class TransitionConflict(TransitionError):
    pass


def can_perform(case, transition, user):
    if case.state not in transition.sources:
        return False
    if not case.transition_available(transition):
        return False
    if transition.by_applicant:
        return case.is_applicant(user)
    if user is None or not user.is_authenticated:
        return False
    return has_role(user, *case.procedure.roles_for(transition)) and case.staff_may_act(user, transition)


def allowed_transitions(case, user):
    return [t for t in case.procedure.transitions_from(case.state) if can_perform(case, t, user)]


@dataclass
class Move:
    """One transition being applied to one case: what ``_apply`` works on and what effects receive."""

    case: object
    transition: Transition
    actor: object = None
    note: str = ""
    attachment: object = None
    share_attachment: bool = False
    data: dict = field(default_factory=dict)
    expected_version: int = 0
    system: bool = False
    now: datetime.datetime = field(default_factory=timezone.now)
    calendar: OfficeCalendar = field(default_factory=office_calendar)
    #: The recorded CaseEvent, set before the effect runs.
    event: CaseEvent | None = None

    @property
    def procedure(self):
        return self.case.procedure

    @property
    def target(self):
        return self.procedure.step(self.transition.target)


def perform(
    case,
    name,
    actor=None,
    *,
    note="",
    attachment=None,
    share_attachment=False,
    expected_version=None,
    data=None,
    system=False,
):
    """Apply transition ``name`` to ``case`` and return the recorded event.

    ``expected_version`` is the version the actor saw; if the case moved since, or another
    request moves it at the same time, :class:`TransitionConflict` is raised and nothing
    changes. An ``attachment`` stays with staff unless ``share_attachment`` is true or the
    applicant made the move themselves. ``system=True`` is for transitions the portal makes itself (e.g. an email
    confirmation link), which skip the role check.
    """
    procedure = case.procedure
    try:
        transition = procedure.transition(name)
    except KeyError:
        raise TransitionNotAllowed(_("Unknown action."))
    expected = case.version if expected_version is None else int(expected_version)
    if case.version != expected:
        raise TransitionConflict(_("This item was changed by someone else. Reload the page to see its current step."))
    _check_allowed(case, transition, actor, system)
    note = (note or "").strip()
    if transition.note_required and not note:
        raise ValidationError({"note": _("Please give a reason or note for this action.")})

    move = Move(
        case=case,
        transition=transition,
        actor=actor,
        note=note,
        attachment=attachment,
        share_attachment=bool(share_attachment),
        data=data or {},
        expected_version=expected,
        system=system,
    )
    snapshot = {field_name: getattr(case, field_name) for field_name in CASE_STATE_FIELDS}
    try:
        with transaction.atomic():
            lock = resolve(transition.lock)
            if lock is not None:
                lock(case)
            _choose_outcome(move)
            return _apply(move)
    except Exception:
        # The database rolled back; the object the caller holds must not claim otherwise.
        for field_name, value in snapshot.items():
            setattr(case, field_name, value)
        raise


def _check_allowed(case, transition, actor, system):
    if case.state not in transition.sources:
        raise TransitionNotAllowed(_("This action is not possible in the current step."))
    if not case.transition_available(transition):
        raise TransitionNotAllowed(_("This action does not apply to this item."))
    if not system and not can_perform(case, transition, actor):
        raise TransitionNotAllowed(_("Your role may not perform this action."))


def _choose_outcome(move):
    """Let the transition's declared rule pick the transition that really happens (after the lock)."""
    outcome = resolve(move.transition.outcome)
    if outcome is None:
        return
    name = outcome(move.case)
    if name and name != move.transition.name:
        move.transition = move.procedure.transition(name)
        _check_allowed(move.case, move.transition, move.actor, move.system)


CASE_STATE_FIELDS = (
    "state",
    "state_entered_at",
    "state_due_at",
    "version",
    "updated_at",
    "tracking_number",
    "submitted_at",
    "clock_started_at",
    "closed_at",
)


def _apply(move):
    """Record ``move`` in one transaction: the guarded state change, the event, the log, the effect, the emails."""
    case, procedure, transition, target = move.case, move.procedure, move.transition, move.target
    now, calendar, expected = move.now, move.calendar, move.expected_version
    model = type(case)
    with transaction.atomic():
        locked = model.objects.select_for_update().filter(pk=case.pk).first()
        if locked is None or locked.version != expected or locked.state not in transition.sources:
            raise TransitionConflict(
                _("Someone else acted on this item at the same moment. Reload the page to see its current step.")
            )
        from_state = locked.state
        step_started, step_due = locked.state_entered_at, locked.state_due_at
        standard = standard_for_step(procedure, target, calendar)
        updates = {
            "state": target.state,
            "state_entered_at": now,
            "state_due_at": calendar.add_minutes(now, standard.minutes) if standard else None,
            "version": expected + 1,
            "updated_at": now,
        }
        if not locked.tracking_number:
            updates["tracking_number"] = tracking_number(procedure.prefix, timezone.localtime(now))
        if not locked.submitted_at and from_state == procedure.initial_state:
            updates["submitted_at"] = now
        if transition.restart_clock or not locked.clock_started_at:
            updates["clock_started_at"] = now
        updates["closed_at"] = now if target.final else None
        # The conditional update is the real guard: exactly one concurrent request wins.
        if model.objects.filter(pk=case.pk, version=expected).update(**updates) != 1:
            raise TransitionConflict(
                _("Someone else acted on this item at the same moment. Reload the page to see its current step.")
            )
        for field_name, value in updates.items():
            setattr(case, field_name, value)

        actor = move.actor
        event = CaseEvent(
            content_type=ContentType.objects.get_for_model(case, for_concrete_model=True),
            object_id=case.pk,
            sequence=case.version,
            procedure_code=procedure.code,
            tracking_number=case.tracking_number or "",
            transition=transition.name,
            from_state=from_state,
            to_state=target.state,
            actor=actor if actor is not None and actor.is_authenticated else None,
            actor_name=_actor_name(actor, case),
            note=move.note,
            public_note=transition.public_note,
            created_at=now,
            step_started_at=step_started,
            step_due_at=step_due,
            step_working_minutes=calendar.minutes_between(step_started, now) if step_started else None,
            overdue=bool(step_due and now > step_due),
        )
        if move.attachment:
            event.attachment.save(move.attachment.name, move.attachment, save=False)
            event.attachment_for_applicant = move.share_attachment or transition.by_applicant
        event.save()
        move.event = event
        log(
            instance=case,
            action=LOG_ACTION,
            user=event.actor,
            data={
                "transition": transition.name,
                "from": from_state,
                "to": target.state,
                "note": move.note[:500],
                "tracking_number": case.tracking_number,
            },
        )
        effect = resolve(transition.effect)
        if effect is not None:
            effect(case, move)
        notify(case, transition, event)
    return event


def _actor_name(actor, case):
    if actor is None or not getattr(actor, "is_authenticated", False):
        return str(case.applicant_name or "")
    return actor.get_full_name() or actor.email


def notify(case, transition, event):
    """Queue the emails for one transition: the applicant, and the staff who act next."""
    context = {"case": case, "transition": transition, "event": event, "step": case.step}
    queue_email(
        case.notification_recipients(transition, event) if transition.notify_applicant else [],
        _("[%(number)s] %(procedure)s: %(step)s")
        % {"number": case.tracking_number, "procedure": case.procedure.name, "step": case.step.label},
        "procedures/email/transition.txt",
        context,
        key=f"{case.procedure.code}:{case.pk}:{event.sequence}:applicant",
    )
    staff = staff_to_notify(case)
    if staff:
        queue_email(
            staff,
            _("[%(number)s] Waiting for you: %(step)s") % {"number": case.tracking_number, "step": case.step.label},
            "procedures/email/staff_queue.txt",
            context,
            key=f"{case.procedure.code}:{case.pk}:{event.sequence}:staff",
        )


def staff_to_notify(case):
    roles = case.step.roles
    if not roles or case.step.final:
        return []
    users = get_user_model().objects.filter(is_active=True, groups__name__in=roles).distinct()
    return list(users.values_list("email", flat=True))
