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


MASK = "\u2022"


def mask_nik(value):
    """``3510011705900001`` -> ``3510••••••••0001``: the one way a NIK is shown by default.

    Every list, inspect view, case summary, email, log line and export uses this (or the
    ``mask_nik`` template filter); the full number only goes to the role whose step needs it
    and to the person (see :func:`full_nik_allowed`).
    """
    value = (value or "").strip()
    if len(value) < 8:
        return MASK * len(value)
    return value[:4] + MASK * (len(value) - 8) + value[-4:]


def mask_phone(value):
    """``081234567890`` -> ``0812••••7890``."""
    value = (value or "").strip()
    if len(value) < 8:
        return MASK * len(value)
    return value[:4] + MASK * (len(value) - 8) + value[-4:]


def mask_email(value):
    """``sari.dewi@contoh.test`` -> ``s••••••••@contoh.test``."""
    local, at, domain = (value or "").partition("@")
    if not at:
        return MASK * len(local)
    return local[:1] + MASK * max(1, len(local) - 1) + "@" + domain


def nik_for(user, value, *roles_allowed, person=None):
    """The NIK as ``user`` may see it: in full for the person and the named roles, else masked."""
    return value if full_nik_allowed(user, *roles_allowed, person=person) else mask_nik(value)


def full_nik_allowed(user, *roles_allowed, person=None):
    from accounts.roles import has_role

    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if person is not None and getattr(person, "pk", None) == user.pk:
        return True
    return bool(roles_allowed) and has_role(user, *roles_allowed)
