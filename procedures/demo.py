"""National holidays and collective leave for 2026 (SKB 3 Menteri), so the demo clock skips them."""

import datetime

from procedures.models import Holiday

HOLIDAYS_2026 = [
    ("2026-01-01", "Tahun Baru 2026 Masehi", Holiday.NATIONAL),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", Holiday.NATIONAL),
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek", Holiday.COLLECTIVE_LEAVE),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", Holiday.NATIONAL),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi", Holiday.COLLECTIVE_LEAVE),
    ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948", Holiday.NATIONAL),
    ("2026-03-20", "Hari Raya Idulfitri 1447 H", Holiday.NATIONAL),
    ("2026-03-21", "Hari Raya Idulfitri 1447 H", Holiday.NATIONAL),
    ("2026-03-23", "Cuti bersama Idulfitri", Holiday.COLLECTIVE_LEAVE),
    ("2026-03-24", "Cuti bersama Idulfitri", Holiday.COLLECTIVE_LEAVE),
    ("2026-04-03", "Wafat Yesus Kristus", Holiday.NATIONAL),
    ("2026-04-05", "Hari Paskah", Holiday.NATIONAL),
    ("2026-05-01", "Hari Buruh Internasional", Holiday.NATIONAL),
    ("2026-05-14", "Kenaikan Yesus Kristus", Holiday.NATIONAL),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", Holiday.COLLECTIVE_LEAVE),
    ("2026-05-27", "Hari Raya Iduladha 1447 H", Holiday.NATIONAL),
    ("2026-05-28", "Cuti bersama Iduladha", Holiday.COLLECTIVE_LEAVE),
    ("2026-05-31", "Hari Raya Waisak 2570 BE", Holiday.NATIONAL),
    ("2026-06-01", "Hari Lahir Pancasila", Holiday.NATIONAL),
    ("2026-06-16", "Tahun Baru Islam 1448 H", Holiday.NATIONAL),
    ("2026-08-17", "Hari Kemerdekaan Republik Indonesia", Holiday.NATIONAL),
    ("2026-08-25", "Maulid Nabi Muhammad SAW", Holiday.NATIONAL),
    ("2026-12-24", "Cuti bersama Hari Raya Natal", Holiday.COLLECTIVE_LEAVE),
    ("2026-12-25", "Hari Raya Natal", Holiday.NATIONAL),
]


def load(stdout):
    for day, name, kind in HOLIDAYS_2026:
        Holiday.objects.get_or_create(date=datetime.date.fromisoformat(day), defaults={"name": name, "kind": kind})
    stdout.write(f"  {len(HOLIDAYS_2026)} holidays and collective-leave days for 2026")
