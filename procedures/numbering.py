"""Race-safe yearly sequences and the number patterns built on them."""

from django.db import IntegrityError, transaction
from django.utils import timezone

ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def next_value(key: str, year: int) -> int:
    """Increment the counter for (key, year) under a row lock and return the new value."""
    from procedures.models import Sequence

    with transaction.atomic():
        try:
            with transaction.atomic():
                Sequence.objects.get_or_create(key=key, year=year)
        except IntegrityError:  # created concurrently by another request: fine, lock it below
            pass
        sequence = Sequence.objects.select_for_update().get(key=key, year=year)
        sequence.last += 1
        sequence.save(update_fields=["last"])
        return sequence.last


def tracking_number(prefix: str, when=None) -> str:
    year = (when or timezone.localtime()).year
    return f"{prefix}-{year}-{next_value(f'tracking:{prefix}', year):05d}"


def format_number(pattern: str, seq: int, when, **extra) -> str:
    """Fill a number pattern such as ``{seq:03d}/KK/{office_code}/{roman_month}/{year}``."""
    when = timezone.localtime(when) if hasattr(when, "tzinfo") and when.tzinfo else when
    values = {"seq": seq, "year": when.year, "month": when.month, "roman_month": ROMAN_MONTHS[when.month - 1]}
    values.update(extra)
    return pattern.format(**values)


def next_number(key: str, pattern: str, when=None, **extra) -> str:
    when = when or timezone.localtime()
    return format_number(pattern, next_value(key, when.year), when, **extra)
