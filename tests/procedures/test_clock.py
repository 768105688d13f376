import datetime

import pytest

from django.utils import translation

from procedures.clock import OfficeCalendar, office_calendar
from procedures.models import Holiday, WorkingHours

from .conftest import JAKARTA


def at(y, m, d, hh, mm=0):
    return datetime.datetime(y, m, d, hh, mm, tzinfo=JAKARTA)


CAL = OfficeCalendar(datetime.time(7, 30), datetime.time(16, 0), {0, 1, 2, 3, 4}, {datetime.date(2026, 12, 25)})


def test_minutes_inside_one_office_day():
    assert CAL.add_minutes(at(2026, 11, 23, 9), 45) == at(2026, 11, 23, 9, 45)


def test_before_opening_starts_at_opening():
    assert CAL.add_minutes(at(2026, 11, 23, 5), 10) == at(2026, 11, 23, 7, 40)


def test_after_closing_carries_to_next_morning():
    assert CAL.add_minutes(at(2026, 11, 23, 15, 50), 30) == at(2026, 11, 24, 7, 50)
    assert CAL.add_minutes(at(2026, 11, 23, 20), 5) == at(2026, 11, 24, 7, 35)


def test_weekend_is_skipped():
    friday = at(2026, 11, 27, 15, 30)
    assert CAL.add_minutes(friday, 60) == at(2026, 11, 30, 8, 0)
    assert CAL.add_minutes(at(2026, 11, 28, 10), 5) == at(2026, 11, 30, 7, 35)


def test_holiday_is_skipped():
    # Thursday 24 Dec 15:00 + 2 hours: the rest of Thursday, Christmas Friday off, weekend, then Monday.
    assert CAL.add_minutes(at(2026, 12, 24, 15), 120) == at(2026, 12, 28, 8, 30)


def test_four_office_days():
    minutes = 4 * CAL.minutes_per_day
    assert CAL.add_minutes(at(2026, 11, 23, 7, 30), minutes) == at(2026, 11, 26, 16, 0)
    assert CAL.add_minutes(at(2026, 11, 26, 12), minutes) == at(2026, 12, 2, 12, 0)


def test_minutes_between_counts_only_office_time():
    assert CAL.minutes_between(at(2026, 11, 27, 15), at(2026, 11, 30, 8)) == 90
    assert CAL.minutes_between(at(2026, 11, 23, 9), at(2026, 11, 23, 8)) == 0
    assert CAL.minutes_between(at(2026, 11, 23, 7, 30), at(2026, 11, 24, 16)) == 2 * 510


def test_add_then_measure_round_trip():
    start = at(2026, 11, 26, 14, 10)
    for minutes in (1, 59, 510, 511, 2000):
        assert CAL.minutes_between(start, CAL.add_minutes(start, minutes)) == minutes


def test_format_minutes_uses_office_days():
    with translation.override("en"):
        assert CAL.format_minutes(4 * 510 + 73) == "4 days 1 hour 13 minutes"
        assert CAL.format_minutes(0) == "0 minutes"
    with translation.override("id"):
        assert CAL.format_minutes(4 * 510 + 73) == "4 hari 1 jam 13 menit"


@pytest.mark.django_db
def test_office_calendar_reads_admin_settings():
    hours = WorkingHours.load()
    hours.day_start, hours.day_end, hours.saturday = datetime.time(8), datetime.time(12), True
    hours.save()
    Holiday.objects.create(date=datetime.date(2026, 11, 24), name="Hari libur uji")
    calendar = office_calendar()
    assert calendar.minutes_per_day == 240
    assert 5 in calendar.weekdays
    assert calendar.add_minutes(at(2026, 11, 23, 11, 30), 60) == at(2026, 11, 25, 8, 30)
