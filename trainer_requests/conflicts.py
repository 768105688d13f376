"""Pure conflict detection for trainer assignments (no database access).

A request asks for a trainer on one or more days, each day from ``start_time`` to
``end_time``. When a trainer is busy comes from one place, ``trainers.schedule.busy_times``
(class sessions, class days and other approved assignments), as ``ScheduleItem``s. Two periods
conflict when they overlap; periods that merely touch (one ends exactly when the other starts)
do not.
"""

import datetime

from trainers.schedule import Conflict, find_conflicts, overlaps


def daily_windows(start_date, end_date, start_time, end_time, tzinfo):
    """One period per day of the event, each from ``start_time`` to ``end_time`` in ``tzinfo``.

    An end time at or before the start time means the day runs past midnight.
    """
    if start_date is None or end_date is None or start_time is None or end_time is None or end_date < start_date:
        return []
    windows = []
    day = start_date
    while day <= end_date:
        start = datetime.datetime.combine(day, start_time, tzinfo=tzinfo)
        end_day = day if end_time > start_time else day + datetime.timedelta(days=1)
        windows.append((start, datetime.datetime.combine(end_day, end_time, tzinfo=tzinfo)))
        day += datetime.timedelta(days=1)
    return windows


__all__ = ["Conflict", "daily_windows", "find_conflicts", "overlaps"]
