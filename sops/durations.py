"""Standard times of SOP steps: units, sums and their wording.

Pure functions (no database) so the SOP pages, the process core and anyone else format a
standard time the same way. SOP documents count days as working days and never turn
minutes into days: 1,215 minutes is "20 jam 15 menit", not "0 hari 20 jam 15 menit".
The words come from gettext, so the same call reads "4 hari 1 jam 18 menit" in Indonesian
and "4 days 1 hour 18 minutes" in English.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

MINUTES = "minutes"
HOURS = "hours"
DAYS = "days"
WORKING_DAYS = "working_days"
MINUTE_UNITS = {MINUTES: 1, HOURS: 60}
DAY_UNITS = {DAYS, WORKING_DAYS}
UNITS = (MINUTES, HOURS, DAYS, WORKING_DAYS)

ZERO = Decimal(0)


def _whole(value):
    """A Decimal without trailing zeros, shown with the active locale's decimal separator."""
    value = Decimal(value).normalize()
    if value == value.to_integral_value():
        return str(int(value))
    return number_format(value, use_l10n=True)


def format_minutes_id(minutes):
    """Minutes as hours and minutes in the active language: 78 -> "1 jam 18 menit".

    Fractions of a minute are rounded up (a standard is a ceiling, never shortened).
    """
    minutes = int(math.ceil(Decimal(minutes)))
    if minutes < 0:
        raise ValueError("A standard time cannot be negative.")
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours})
    if rest or not hours:
        parts.append(ngettext("%(count)s minute", "%(count)s minutes", rest) % {"count": rest})
    return " ".join(parts)


def format_days(days):
    days = Decimal(days)
    count = _whole(days)
    plural = 1 if days == 1 else 2
    return ngettext("%(count)s day", "%(count)s days", plural) % {"count": count}


def format_duration(days=0, minutes=0):
    """Working days plus minutes: (4, 78) -> "4 hari 1 jam 18 menit"; (0, 0) -> "0 menit"."""
    days = Decimal(days)
    minutes = Decimal(minutes)
    if days < 0 or minutes < 0:
        raise ValueError("A standard time cannot be negative.")
    parts = []
    if days:
        parts.append(format_days(days))
    if minutes or not days:
        parts.append(format_minutes_id(minutes))
    return " ".join(parts)


@dataclass(frozen=True)
class Duration:
    """A sum of standard times kept as working days and minutes (never converted into each other)."""

    days: Decimal = ZERO
    minutes: Decimal = ZERO

    def __add__(self, other):
        return Duration(self.days + other.days, self.minutes + other.minutes)

    def __str__(self):
        return format_duration(self.days, self.minutes)

    @classmethod
    def of(cls, value, unit):
        value = Decimal(value)
        if unit in MINUTE_UNITS:
            return cls(minutes=value * MINUTE_UNITS[unit])
        if unit in DAY_UNITS:
            return cls(days=value)
        raise ValueError(f"Unknown time unit {unit!r}.")


@dataclass(frozen=True)
class DurationRange:
    """The total of several steps; ``low`` and ``high`` differ when a step is a range (5-10 menit)."""

    low: Duration
    high: Duration

    @property
    def is_range(self):
        return self.low != self.high

    def __str__(self):
        if not self.is_range:
            return str(self.low)
        return gettext("%(low)s – %(high)s") % {"low": self.low, "high": self.high}


def step_range(value, value_max, unit):
    low = Duration.of(value, unit)
    high = Duration.of(value_max, unit) if value_max is not None else low
    return DurationRange(low, high)


def total_range(times):
    """Sum ``(value, value_max, unit)`` triples into a :class:`DurationRange`."""
    low = high = Duration()
    for value, value_max, unit in times:
        step = step_range(value, value_max, unit)
        low, high = low + step.low, high + step.high
    return DurationRange(low, high)


def format_range(value, value_max, unit):
    """One step's standard time in words: (5, 10, "minutes") -> "5 menit – 10 menit"."""
    return str(step_range(value, value_max, unit))


_UNIT_WORDS = {
    "menit": MINUTES,
    "minute": MINUTES,
    "minutes": MINUTES,
    "jam": HOURS,
    "hour": HOURS,
    "hours": HOURS,
    "hari": DAYS,
    "day": DAYS,
    "days": DAYS,
}


def parse_simple(text):
    """Parse a printed total such as "4 Hari 1 Jam 13 Menit (5 Hari)" or "1215 menit" into a Duration.

    Only the part before any parenthesis counts (the bracket restates the total another way).
    Returns None when the text holds no "<number> <unit>" pair or an unknown unit.
    """
    import re

    text = (text or "").split("(")[0].lower().replace(",", ".")
    pairs = re.findall(r"(\d+(?:\.\d+)?)\s*([a-z]+)", text)
    if not pairs:
        return None
    total = Duration()
    for number, word in pairs:
        unit = _UNIT_WORDS.get(word)
        if unit is None:
            return None
        total = total + Duration.of(Decimal(number), unit)
    return total
