"""The step-by-step view of a case against its SOP's standard times."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from procedures.clock import office_calendar
from procedures.standards import standards_for_procedure


@dataclass
class TimelineRow:
    label: str
    status: str  # "done", "current", "pending"
    started: datetime | None = None
    finished: datetime | None = None
    due: datetime | None = None
    standard: str = ""
    used: str = ""
    overdue: bool = False
    action: str = ""
    actor: str = ""
    note: str = ""
    roles: tuple = ()


@dataclass
class Timeline:
    rows: list
    used_minutes: int
    standard_minutes: int
    used_text: str
    standard_text: str
    closed: bool

    @property
    def within_standard(self):
        return self.used_minutes <= self.standard_minutes if self.standard_minutes else True


def build_timeline(case, *, public=True, now=None):
    now = now or timezone.now()
    procedure = case.procedure
    calendar = office_calendar()
    standards = standards_for_procedure(procedure, calendar)

    def standard_text(state):
        standard = standards.get(state)
        return calendar.format_minutes(standard.minutes) if standard else ""

    rows = []
    for event in case.events():
        if event.step_started_at is None:
            continue
        step = procedure.step(event.from_state)
        rows.append(
            TimelineRow(
                label=step.label,
                status="done",
                started=event.step_started_at,
                finished=event.created_at,
                due=event.step_due_at,
                standard=standard_text(step.state),
                used=calendar.format_minutes(event.step_working_minutes or 0),
                overdue=event.overdue,
                action=str(event.transition_label),
                actor="" if public else event.actor_name,
                note=event.note if (event.public_note or not public) else "",
                roles=step.roles,
            )
        )
    step = case.step
    if step.final:
        rows.append(TimelineRow(label=step.label, status="done", started=case.state_entered_at, roles=step.roles))
    elif case.state_entered_at:
        rows.append(
            TimelineRow(
                label=step.label,
                status="current",
                started=case.state_entered_at,
                due=case.state_due_at,
                standard=standard_text(step.state),
                used=calendar.format_minutes(calendar.minutes_between(case.state_entered_at, now)),
                overdue=case.is_overdue,
                roles=step.roles,
            )
        )
        states = [s.state for s in procedure.steps]
        for later in procedure.steps[states.index(step.state) + 1 :]:
            if later.is_timed:
                rows.append(
                    TimelineRow(
                        label=later.label, status="pending", standard=standard_text(later.state), roles=later.roles
                    )
                )

    standard_minutes = sum(s.minutes for s in standards.values() if s)
    used_minutes = (
        calendar.minutes_between(case.clock_started_at, case.closed_at or now) if case.clock_started_at else 0
    )
    return Timeline(
        rows=rows,
        used_minutes=used_minutes,
        standard_minutes=standard_minutes,
        used_text=calendar.format_minutes(used_minutes),
        standard_text=calendar.format_minutes(standard_minutes),
        closed=step.final,
    )
