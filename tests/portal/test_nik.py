import datetime

import pytest

from django.core.exceptions import ValidationError

from portal.nik import mask_nik, parse_nik, validate_nik


def test_plausible_nik_gives_birth_date_and_sex():
    assert parse_nik("3510014507900001") == (datetime.date(1990, 7, 5), True)  # day 45 = woman born 5th
    assert parse_nik("6171011203850002") == (datetime.date(1985, 3, 12), False)


@pytest.mark.parametrize(
    "value,code",
    [
        ("351001450790000", "nik_format"),  # 15 digits
        ("35100145079000012", "nik_format"),  # 17 digits
        ("35100145079O0001", "nik_format"),  # letter O
        ("３５１００１４５０７９００００１", "nik_format"),  # full-width digits are not ASCII
        ("9910014507900001", "nik_region"),  # no province 99
        ("3500014507900001", "nik_region"),
        ("3510013202900001", "nik_date"),  # 32 Feb
        ("3510017213900001", "nik_date"),  # month 13 (day 72 → 32)
        ("3510011203900000", "nik_serial"),
    ],
)
def test_implausible_niks_are_refused(value, code):
    with pytest.raises(ValidationError) as caught:
        validate_nik(value)
    assert caught.value.code == code


def test_mask_keeps_only_the_ends():
    assert mask_nik("3510014507900001") == "3510••••••••0001"
