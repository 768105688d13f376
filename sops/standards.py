"""The standard times of published SOPs, for the process core and any flow.

The live SOP page is the single source of truth: the clock that times a case reads the
same numbers the public reads at ``/sop/``. Drafts never count; a change to a standard
takes effect when the editor publishes the page.

    standard_for("course_licence", "4").as_working_days()  -> Decimal("4")
    standard_for("course_licence", "1").as_minutes()       -> 30
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from sops import durations


@dataclass(frozen=True)
class StepStandard:
    value: Decimal
    value_max: Decimal | None
    unit: str  # "minutes" | "hours" | "days" | "working_days"
    label: str
    activity: str
    actor: str
    per_unit: str = ""
    time_text: str = ""

    @property
    def upper(self):
        """The standard the clock enforces: the upper bound of a range ("5-10 menit" -> 10)."""
        return self.value_max if self.value_max is not None else self.value

    @property
    def is_day_based(self):
        return self.unit in durations.DAY_UNITS

    def as_minutes(self) -> int | None:
        """Whole minutes (upper bound, rounded up) for minute/hour units; None for day units."""
        if self.unit not in durations.MINUTE_UNITS:
            return None
        return int(math.ceil(self.upper * durations.MINUTE_UNITS[self.unit]))

    def as_working_days(self) -> Decimal | None:
        """Working days (upper bound) for day units; None for minute/hour units. SOP days are working days."""
        if self.unit not in durations.DAY_UNITS:
            return None
        return self.upper

    @property
    def minutes(self) -> int | None:
        return self.as_minutes()

    def __str__(self):
        return durations.format_range(self.value, self.value_max, self.unit)


def _live_pages(procedure_code):
    from sops.models import SOPPage

    if not procedure_code:
        return SOPPage.objects.none()
    return SOPPage.objects.live().filter(procedure_code=procedure_code)


def sop_page_for(procedure_code: str):
    """The live SOP page a service follows, or None when none is published."""
    return _live_pages(procedure_code).first()


def _standard(step):
    return StepStandard(
        value=step.time_value,
        value_max=step.time_value_max,
        unit=step.time_unit,
        label=step.display_label,
        activity=step.activity,
        actor=step.actor,
        per_unit=step.per_unit,
        time_text=step.time_text,
    )


def standards_for(procedure_code: str) -> dict[str, StepStandard]:
    """Every step's standard of the live SOP, keyed by the printed step label, in step order (one query).

    When a document repeats a printed number the first step keeps it (the admin form refuses
    repeated numbers on an SOP that has a procedure code, so a tracked service never meets this).
    """
    from sops.models import SOPStep

    if not procedure_code:
        return {}
    steps = SOPStep.objects.filter(page__live=True, page__procedure_code=procedure_code).order_by("sort_order", "pk")
    result = {}
    for step in steps:
        result.setdefault(step.display_label, _standard(step))
    return result


def standard_for(procedure_code: str, step_label: str) -> StepStandard | None:
    """One step's standard by its printed label (e.g. "4"), or None."""
    return standards_for(procedure_code).get(str(step_label))
