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
