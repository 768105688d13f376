"""Indonesia's national holidays for the office clock, from the ``holidays`` library.

Only the national holidays (*libur nasional*) are loaded: the collective leave days
(*cuti bersama*) are decided each year by joint ministerial decree and some offices
keep services open on them, so staff enter them under Services → Holidays. A date that
is already listed is left as staff made it, so running the loader again changes nothing.
"""

import holidays

from procedures.models import Holiday

COUNTRY = "ID"


def national_holidays(year):
    """``[(date, name), ...]`` of one year, named in Indonesian."""
    calendar = holidays.country_holidays(COUNTRY, years=year, language="id", categories=(holidays.PUBLIC,))
    return sorted(calendar.items())


def load(years):
    """Add the national holidays of the given years; returns the number of new days."""
    created = 0
    for year in years:
        for day, name in national_holidays(year):
            _holiday, is_new = Holiday.objects.get_or_create(
                date=day, defaults={"name": name[:150], "kind": Holiday.NATIONAL}
            )
            created += is_new
    return created
