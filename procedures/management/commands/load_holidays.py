"""Add Indonesia's national holidays of some years to the office calendar (idempotent)."""

from django.core.management.base import BaseCommand

from portal.starter import default_holiday_years
from procedures.national_holidays import load


class Command(BaseCommand):
    help = (
        "Add Indonesia's national holidays of the given years (default: this year and the next) to "
        "Services → Holidays. Collective leave (cuti bersama) is entered by staff."
    )

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int, help="e.g. 2027 2028")

    def handle(self, *args, years, **options):
        years = years or default_holiday_years()
        created = load(years)
        self.stdout.write(f"{created} national holidays added for {', '.join(map(str, years))}.")
