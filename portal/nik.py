"""Validation of the Indonesian national identity number (NIK, 16 digits).

Layout: PPKKCC DDMMYY SSSS — province (11–94), regency/city and district codes,
birth date (day + 40 for women), and a serial that is never 0000.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PROVINCE_CODES = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "19",
    "21",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "51",
    "52",
    "53",
    "61",
    "62",
    "63",
    "64",
    "65",
    "71",
    "72",
    "73",
    "74",
    "75",
    "76",
    "81",
    "82",
    "91",
    "92",
    "93",
    "94",
    "95",
    "96",
    "97",
}


def parse_nik(value):
    """Return (birth_date, is_female) for a plausible NIK, or raise ValidationError."""
    value = (value or "").strip()
    if len(value) != 16 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A NIK has exactly 16 digits."), code="nik_format")
    if value[:2] not in PROVINCE_CODES:
        raise ValidationError(_("The first two digits of the NIK are not a valid province code."), code="nik_region")
    if value[2:4] == "00" or value[4:6] == "00":
        raise ValidationError(_("The NIK's regency or district code is not valid."), code="nik_region")
    day, month, year = int(value[6:8]), int(value[8:10]), int(value[10:12])
    female = day > 40
    if female:
        day -= 40
    today = datetime.date.today()
    century = 2000 if 2000 + year <= today.year else 1900
    try:
        birth = datetime.date(century + year, month, day)
    except ValueError:
        raise ValidationError(_("The NIK does not contain a valid birth date."), code="nik_date")
    if value[12:] == "0000":
        raise ValidationError(_("The NIK's serial number is not valid."), code="nik_serial")
    return birth, female


def validate_nik(value):
    parse_nik(value)


def mask_nik(value):
    value = value or ""
    return value[:4] + "*" * max(0, len(value) - 8) + value[-4:] if len(value) >= 8 else "*" * len(value)
