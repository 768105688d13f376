import datetime
import math

import pytest

from procedures.letters import CODE_ALPHABET, verification_code
from procedures.numbering import format_number, next_number, tracking_number


@pytest.mark.django_db
def test_tracking_numbers_count_per_prefix_and_year():
    when = datetime.date(2026, 3, 1)
    assert tracking_number("NRS", when) == "NRS-2026-00001"
    assert tracking_number("NRS", when) == "NRS-2026-00002"
    assert tracking_number("IZN", when) == "IZN-2026-00001"
    assert tracking_number("NRS", datetime.date(2027, 1, 2)) == "NRS-2027-00001"


def test_number_pattern_with_roman_month():
    assert (
        format_number(
            "{seq:03d}/KK/{office_code}/{roman_month}/{year}", 7, datetime.date(2026, 11, 23), office_code="DISBUDPAR"
        )
        == "007/KK/DISBUDPAR/XI/2026"
    )


@pytest.mark.django_db
def test_next_number_is_sequential():
    first = next_number("letter:x", "{seq:03d}/{year}", datetime.date(2026, 1, 1))
    second = next_number("letter:x", "{seq:03d}/{year}", datetime.date(2026, 1, 1))
    assert (first, second) == ("001/2026", "002/2026")


def test_verification_codes_are_readable_and_random():
    codes = {verification_code() for _ in range(500)}
    assert len(codes) == 500
    sample = codes.pop()
    symbols = sample.replace("-", "")
    assert len(symbols) == 16 and set(symbols) <= set(CODE_ALPHABET)
    assert not set("01IOLU") & set(CODE_ALPHABET)
    assert len(symbols) * math.log2(len(CODE_ALPHABET)) >= 64
