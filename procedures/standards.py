"""Standard time of each procedure step: the published SOP first, the flow's declared default second."""

from dataclasses import dataclass

from procedures.clock import OfficeCalendar


@dataclass(frozen=True)
class StandardTime:
    minutes: int
    source: str  # "sop" or "default"
    text: str = ""


def published_standards(procedure_code):
    from sops.standards import standards_for

    return standards_for(procedure_code)


def standard_for_step(procedure, step, calendar: OfficeCalendar, published=None) -> StandardTime | None:
    if not step.is_timed:
        return None
    if published is None:
        published = published_standards(procedure.code)
    standard = published.get(step.sop_step) if step.sop_step else None
    if standard is not None:
        minutes = standard.as_minutes()
        if minutes is None:
            days = standard.as_working_days()
            minutes = int(days * calendar.minutes_per_day) if days is not None else None
        if minutes is not None:
            return StandardTime(minutes=minutes, source="sop", text=getattr(standard, "time_text", "") or "")
    minutes = int(step.default_minutes + step.default_days * calendar.minutes_per_day)
    return StandardTime(minutes=minutes, source="default") if minutes else None


def standards_for_procedure(procedure, calendar):
    published = published_standards(procedure.code)
    return {step.state: standard_for_step(procedure, step, calendar, published) for step in procedure.steps}


def promise_minutes(procedure, calendar, published=None):
    """The service's promise: the sum of the standards of each SOP step the procedure follows, counted once.

    Every step that names an SOP step counts, the applicant's own included (a request handed in takes
    its time too), so a procedure that follows every step of its SOP promises the SOP's total. Timed
    steps without an SOP step add their default. Published SOP first, the declared default second.
    """
    if published is None:
        published = published_standards(procedure.code)
    total, seen = 0, set()
    for step in procedure.steps:
        if step.final or (step.sop_step is None and not step.is_timed):
            continue
        if step.sop_step is not None:
            if step.sop_step in seen:
                continue
            seen.add(step.sop_step)
        standard = published.get(step.sop_step) if step.sop_step else None
        minutes = None
        if standard is not None:
            minutes = standard.as_minutes()
            if minutes is None and standard.as_working_days() is not None:
                minutes = int(standard.as_working_days() * calendar.minutes_per_day)
        if minutes is None:
            minutes = int(step.default_minutes + step.default_days * calendar.minutes_per_day)
        total += minutes
    return total
