from decimal import Decimal

import pytest

from django.utils import translation

from sops.durations import Duration, format_duration, format_minutes_id, format_range, parse_simple, total_range


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 menit"),
        (5, "5 menit"),
        (60, "1 jam"),
        (78, "1 jam 18 menit"),
        (1215, "20 jam 15 menit"),
        (Decimal("4.5"), "5 menit"),
    ],
)
def test_format_minutes_id(minutes, text):
    assert format_minutes_id(minutes) == text


def test_format_duration_keeps_days_and_minutes_apart():
    assert format_duration(4, 78) == "4 hari 1 jam 18 menit"
    assert format_duration(11, 0) == "11 hari"
    assert format_duration(0, 0) == "0 menit"
    assert format_duration(Decimal("1.5"), 0) == "1,5 hari"


def test_negative_times_are_refused():
    with pytest.raises(ValueError):
        format_duration(0, -1)


def test_english_comes_from_gettext():
    with translation.override("en"):
        assert format_duration(4, 78) == "4 days 1 hour 18 minutes"
        assert format_duration(1, 1) == "1 day 1 minute"
        assert format_minutes_id(125) == "2 hours 5 minutes"


def test_ranges_sum_as_low_and_high():
    total = total_range(
        [(5, 10, "minutes"), (15, 20, "minutes"), (2, 4, "hours"), (30, 60, "minutes"), (2, None, "minutes")]
    )
    assert total.is_range
    assert total.low == Duration(minutes=Decimal(172))
    assert total.high == Duration(minutes=Decimal(332))
    assert str(total) == "2 jam 52 menit – 5 jam 32 menit"


def test_days_and_working_days_add_up_as_days():
    total = total_range([(1, None, "days"), (5, None, "working_days"), (2, None, "hours")])
    assert not total.is_range
    assert str(total) == "6 hari 2 jam"


def test_single_step_range_text():
    assert format_range(5, 10, "minutes") == "5 menit – 10 menit"
    assert format_range(Decimal("1.5"), None, "hours") == "1 jam 30 menit"


def test_unknown_unit():
    with pytest.raises(ValueError):
        total_range([(1, None, "fortnights")])


def test_parse_printed_totals():
    assert parse_simple("4 Hari 1 Jam 13 Menit (5 Hari)") == Duration(days=Decimal(4), minutes=Decimal(73))
    assert parse_simple("1215 menit") == Duration(minutes=Decimal(1215))
    assert parse_simple("lima hari") is None
    assert parse_simple("3 pekan") is None
