"""The demo office's calendar: on top of the national holidays of the starter data, the 2026
collective leave days (cuti bersama, SKB 3 Menteri) as staff enter them."""

import datetime

from procedures import national_holidays
from procedures.models import Holiday

YEAR = 2026
COLLECTIVE_LEAVE_2026 = [
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
    ("2026-03-20", "Cuti bersama Idulfitri"),
    ("2026-03-23", "Cuti bersama Idulfitri"),
    ("2026-03-24", "Cuti bersama Idulfitri"),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
    ("2026-05-28", "Cuti bersama Iduladha"),
    ("2026-12-24", "Cuti bersama Hari Raya Natal"),
]


def load(stdout):
    national = national_holidays.load([YEAR])  # already there when the setup ran in 2026
    for day, name in COLLECTIVE_LEAVE_2026:
        Holiday.objects.get_or_create(
            date=datetime.date.fromisoformat(day), defaults={"name": name, "kind": Holiday.COLLECTIVE_LEAVE}
        )
    days = len(COLLECTIVE_LEAVE_2026)
    stdout.write(f"  {days} collective-leave days of {YEAR} ({national} national holidays added)")
