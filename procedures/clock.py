"""Working-time arithmetic: SOP standard times run only in office hours on working days.

Everything is counted in working minutes; a "day" in an SOP is one office day
(``day_start``–``day_end``), so "4 hari" is four office days of working time.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass
class OfficeCalendar:
    day_start: time = time(7, 30)
    day_end: time = time(16, 0)
    weekdays: set = field(default_factory=lambda: {0, 1, 2, 3, 4})
    holidays: set = field(default_factory=set)

    @property
    def minutes_per_day(self):
        start = self.day_start.hour * 60 + self.day_start.minute
        end = self.day_end.hour * 60 + self.day_end.minute
        return end - start

    def is_working_day(self, day: date):
        return day.weekday() in self.weekdays and day not in self.holidays

    def _window(self, day: date):
        tz = timezone.get_current_timezone()
        return (
            timezone.make_aware(datetime.combine(day, self.day_start), tz),
            timezone.make_aware(datetime.combine(day, self.day_end), tz),
        )

    def _next_working_day(self, day: date):
        day += timedelta(days=1)
        for _ in range(3660):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        raise ValueError("No working day within ten years: check the working-hours settings.")

    def add_minutes(self, start: datetime, minutes: int) -> datetime:
        """The moment when ``minutes`` of working time after ``start`` have passed."""
        current = timezone.localtime(start)
        day = current.date()
        if not self.is_working_day(day):
            day = self._next_working_day(day)
            current = self._window(day)[0]
        remaining = max(0, int(minutes))
        while True:
            opens, closes = self._window(day)
            if current < opens:
                current = opens
            if current >= closes:
                day = self._next_working_day(day)
                current = self._window(day)[0]
                continue
            available = int((closes - current).total_seconds() // 60)
            if remaining <= available:
                return current + timedelta(minutes=remaining)
            remaining -= available
            day = self._next_working_day(day)
            current = self._window(day)[0]

    def minutes_between(self, start: datetime, end: datetime) -> int:
        """Working minutes elapsed from ``start`` to ``end`` (0 if end is not after start)."""
        if end <= start:
            return 0
        start, end = timezone.localtime(start), timezone.localtime(end)
        total = 0.0
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                opens, closes = self._window(day)
                lo, hi = max(start, opens), min(end, closes)
                if hi > lo:
                    total += (hi - lo).total_seconds() / 60
            day += timedelta(days=1)
        return int(total)

    def format_minutes(self, minutes):
        """Working time as office days, hours and minutes, in the active language."""
        from django.utils.translation import ngettext

        days, rest = divmod(int(minutes), self.minutes_per_day) if self.minutes_per_day else (0, int(minutes))
        hours, mins = divmod(rest, 60)
        parts = []
        if days:
            parts.append(ngettext("%(n)d day", "%(n)d days", days) % {"n": days})
        if hours:
            parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
        if mins or not parts:
            parts.append(ngettext("%(n)d minute", "%(n)d minutes", mins) % {"n": mins})
        return " ".join(parts)


def office_calendar(around: date | None = None) -> OfficeCalendar:
    """The calendar from the admin's working-hours settings and holiday list."""
    from procedures.models import Holiday, WorkingHours

    hours = WorkingHours.load()
    holidays = set(Holiday.objects.values_list("date", flat=True))
    return OfficeCalendar(day_start=hours.day_start, day_end=hours.day_end, weekdays=hours.weekdays, holidays=holidays)
