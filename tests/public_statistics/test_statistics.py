import csv
import datetime
import io
import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.db.models import Q

from wagtail.models import Site

from certificates.factories import CertificateFactory
from courses.factories import CategoryFactory, CourseIndexPageFactory, CoursePageFactory
from enrolment.factories import ParticipantFactory
from enrolment.models import Enrolment
from public_statistics import counting
from public_statistics.factories import StatisticsPageFactory
from public_statistics.suppression import THRESHOLD, safe_rate, suppress

_serial = itertools.count(1)


# --- The suppression rule on its own ------------------------------------------------------
@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=12))
def test_no_published_cell_is_small_and_hidden_cells_cannot_be_recovered(counts):
    hidden, total_hidden = suppress(counts)
    shown = [count for count, flag in zip(counts, hidden, strict=True) if not flag]
    assert all(count >= THRESHOLD for count in shown)
    secret = [count for count, flag in zip(counts, hidden, strict=True) if flag]
    if total_hidden:
        assert sum(counts) < THRESHOLD or not shown
    elif secret:
        # Total minus the shown cells gives only the sum of the hidden ones: two or more cells
        # holding at least five people together, so no single small cell is revealed.
        assert len(secret) >= 2 and sum(secret) >= THRESHOLD


def test_suppression_examples():
    assert suppress([20, 3, 12]) == ([False, True, True], False)  # the smallest other cell goes too
    assert suppress([30, 6, 7]) == ([False, False, False], False)
    assert suppress([1, 1, 50]) == ([True, True, True], False)  # 1 + 1 < 5: the big one hides as well
    assert suppress([2, 1]) == ([True, True], True)
    assert safe_rate(8, 10) is None  # 2 did not pass: a cell of two people
    assert safe_rate(10, 10) == 100
    assert safe_rate(15, 20) == 75
    assert safe_rate(3, 4) is None


# --- Figures from records ---------------------------------------------------------------
@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


def _enrol(course, state="accepted", result="", certified=False, **person):
    serial = next(_serial)
    participant = ParticipantFactory(**person)
    enrolment = Enrolment.objects.create(
        participant=participant,
        course=course,
        state=state,
        result=result,
        tracking_number=f"STAT-{serial:06d}",
        completed_at=course.end_date and datetime.datetime(course.end_date.year, 12, 1, tzinfo=datetime.UTC)
        if state == "completed"
        else None,
    )
    if certified:
        CertificateFactory(enrolment=enrolment, course=course, number=f"{serial:04d}/STAT")
    return enrolment


@pytest.fixture
def records(home):
    catalogue = CourseIndexPageFactory(parent=home)
    dance = CategoryFactory(name="Seni Tari", slug="seni-tari")
    craft = CategoryFactory(name="Kriya", slug="kriya")
    gandrung = CoursePageFactory(
        parent=catalogue, category=dance, start_date=datetime.date(2025, 3, 3), end_date=datetime.date(2025, 3, 5)
    )
    batik = CoursePageFactory(
        parent=catalogue, category=craft, start_date=datetime.date(2025, 8, 4), end_date=datetime.date(2025, 8, 6)
    )
    anyaman = CoursePageFactory(
        parent=catalogue, category=craft, start_date=datetime.date(2026, 2, 2), end_date=datetime.date(2026, 2, 3)
    )
    # 2025, dance: 15 completed (10 passed, 5 with a certificate), women from Glagah and Giri.
    for n in range(15):
        _enrol(
            gandrung,
            state="completed",
            result="passed" if n < 10 else "failed",
            certified=n < 5,
            gender="female",
            regency="Banyuwangi",
            district="Glagah" if n < 9 else "Giri",
            birth_date=datetime.date(2001, 1, 1),
        )
    # 2025, craft: 8 accepted, 3 of them men, 1 with a disability, from another regency.
    for n in range(8):
        _enrol(
            batik,
            gender="male" if n < 3 else "female",
            regency="Jember" if n < 6 else "banyuwangi ",
            district="" if n < 6 else "Kabat",
            disability="kursi roda" if n == 0 else "",
            birth_date=datetime.date(1970, 6, 1),
        )
    # Left out: waiting, withdrawn and still-unverified enrolments.
    _enrol(batik, state="waitlisted")
    _enrol(batik, state="withdrawn")
    _enrol(batik, state="verification")
    # 2026: only three people, too few to publish the year at all.
    for _n in range(3):
        _enrol(anyaman)
    return {"gandrung": gandrung, "batik": batik, "anyaman": anyaman}


def _shown(table):
    return {row.label: row.count for row in table.rows if not row.hidden}


def test_counts_equal_the_records(records):
    participating = Enrolment.objects.filter(state__in=["accepted", "attending", "evaluation", "completed"])
    overview = counting.year_overview()
    by_year = {int(row.label): row.count for row in overview.rows}
    assert by_year[2025] == participating.filter(course__start_date__year=2025).count() == 23
    assert by_year[2026] is None  # 3 people: hidden
    assert not overview.show_total  # no all-years total to subtract from
    assert counting.published_years(overview) == [2025]

    tables, (completion, certificates), total = counting.year_tables(2025)
    tables = {table.key: table for table in tables}
    year = participating.filter(course__start_date__year=2025)
    assert total == year.count()
    assert _shown(tables["category"]) == {
        "Seni Tari": year.filter(course__category__name="Seni Tari").count(),
        "Kriya": year.filter(course__category__name="Kriya").count(),
    }
    # Three men are hidden, and so is the women's figure (20 = 23 - 3 would reveal them).
    assert year.filter(participant__gender="male").count() == 3
    assert [row.hidden for row in tables["sex"].rows] == [True, True]
    assert tables["sex"].total == 23
    assert _shown(tables["regency"]) == {
        "Banyuwangi": year.filter(participant__regency__iregex=r"^\s*banyuwangi\s*$").count(),
        "Jember": year.filter(participant__regency="Jember").count(),
    }
    assert _shown(tables["district"]) == {
        "Glagah": year.filter(participant__district="Glagah").count(),
        "Tidak diisi": year.filter(participant__district="").count(),
    }
    assert _shown(tables["age"]) == {
        "20–29": year.filter(participant__birth_date__year=2001).count(),
        "50–59": year.filter(participant__birth_date__year=1970).count(),
    }
    completed = year.filter(state="completed")
    passed = completed.filter(result="passed")
    assert completion == round(100 * passed.count() / completed.count()) == 67
    assert (
        certificates
        == round(
            100
            * passed.filter(Q(certificates__revoked_at__isnull=True) & ~Q(certificates=None)).count()
            / passed.count()
        )
        == 50
    )
    dance_row = next(row for row in tables["category"].rows if row.label == "Seni Tari")
    assert dance_row.completion_rate == 67 and dance_row.certificate_rate == 50
    assert tables["disability"].rows and all(row.hidden for row in tables["disability"].rows)


def test_page_never_shows_a_small_number(client, records, home):
    page = StatisticsPageFactory(parent=home)
    html = client.get(page.url).content.decode()
    cells = re.findall(r"<td>\s*([^<]*?)\s*</td>", html)
    numbers = [int(cell) for cell in cells if cell.isdigit()]
    assert numbers and all(number >= THRESHOLD for number in numbers)
    assert "Peserta tahun 2025" in html
    assert "<svg" in html
    assert client.get(page.url, {"tahun": "2026"}).status_code == 404  # an unpublished year
    assert client.get(page.url, {"tahun": "abc"}).status_code == 404


def test_csv_download_matches_the_page(client, records, home):
    page = StatisticsPageFactory(parent=home)
    response = client.get(page.url + "csv/", {"tahun": "2025"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["tabel", "tahun", "kelompok", "peserta"]
    values = [row[3] for row in rows[1:] if len(row) > 3]
    numbers = [int(value) for value in values if value.isdigit()]
    assert all(number >= THRESHOLD for number in numbers)
    assert ["Peserta per kategori", "2025", "Seni Tari", "15", "67", "50"] in rows
    assert ["Peserta per tahun", "2026", "2026", "*", "*", "*"] in rows
    assert ["Peserta per tahun", "2025", "2025", "23", "67", "50"] in rows


def test_empty_statistics_page(client, home):
    page = StatisticsPageFactory(parent=home)
    html = client.get(page.url).content.decode()
    assert "Jumlah peserta belum cukup" in html
