"""The office's time zone: every date and time a person reads or types is office time."""

import datetime

from django.utils import timezone


def office_zone():
    """The office's zone (``OFFICE_TIME_ZONE``, Asia/Jakarta by default), which is Django's default zone."""
    return timezone.get_default_timezone()


def office_datetime(date, time):
    """The aware moment of ``time`` on ``date`` in the office's zone (a session start, a request's day)."""
    return datetime.datetime.combine(date, time, tzinfo=office_zone())
