"""The demo transcribes every SOP in shared/sop/; loading it is slow, so two tests share the work."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from sops.demo import SOPS, load
from sops.models import SOPPage
from sops.standards import standard_for, standards_for

pytestmark = pytest.mark.django_db


def test_demo_transcribes_every_sop(demo_sops):
    index, pages = demo_sops
    assert len(pages) == 11 == SOPPage.objects.live().count()
    load()  # idempotent
    assert SOPPage.objects.count() == 11
    assert index.url == "/sop/" and index.show_in_menus

    counts = {page.slug: page.steps.count() for page in pages}
    assert counts["inovasi-kelas-kreatif"] == 5
    assert counts["izin-penyelenggaraan-kursus-dan-pelatihan"] == 9
    assert counts["penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis"] == 19
    assert counts["penyelenggaraan-pelatihan-blk"] == 11
    assert counts["pelaksanaan-kegiatan-diklat"] == 10
    assert sum(counts.values()) == sum(len(data["steps"]) for data in SOPS)

    # 004 "Pelaksanaan Kegiatan Diklat" prints 1..7, 9, 8, 9: kept as printed, ordered as printed.
    steps = SOPPage.objects.get(slug="pelaksanaan-kegiatan-diklat").ordered_steps()
    assert [step.display_label for step in steps] == ["1", "2", "3", "4", "5", "6", "7", "9", "8", "9"]
    assert [step.number for step in steps] == list(range(1, 11))

    codes = dict(SOPPage.objects.exclude(procedure_code="").values_list("procedure_code", "slug"))
    assert codes == {
        "trainer_registration": "pendaftaran-narasumber",
        "trainer_request": "permintaan-narasumber",
        "enrolment": "inovasi-kelas-kreatif",
        "course_licence": "izin-penyelenggaraan-kursus-dan-pelatihan",
        "consultation": "layanan-konsultasi-dan-informasi-pasca-pelatihan",
        "material_preparation": "penyiapan-bahan-materi-diklat",
    }
    assert standard_for("course_licence", "4").as_working_days() == Decimal(4)
    assert standard_for("consultation", "4").as_minutes() == 60
    assert standard_for("trainer_request", "3").as_minutes() == 10
    assert standard_for("enrolment", "2").as_minutes() == 20
    assert standard_for("material_preparation", "4").actor == "Pejabat Level 2 (Pimpinan Unit)"
    assert len(standards_for("trainer_registration")) == 5

    week = SOPPage.objects.get(slug="penyelenggaraan-pelatihan-blk").steps.get(number=7)
    assert (week.time_value, week.time_unit, week.time_text) == (Decimal(5), "working_days", "1 minggu")

    with translation.override("id"):
        narsum = SOPPage.objects.get(slug="permintaan-narasumber")
        assert narsum.date_made_display == narsum.date_effective_display == "Agustus 2023"
        assert SOPPage.objects.get(slug="inovasi-kelas-kreatif").date_made_display == "26 Desember 2022"

        # SOP 001: the steps sum to 4 days 78 minutes although the document prints 4 days 1 h 13 min.
        licence = SOPPage.objects.get(slug="izin-penyelenggaraan-kursus-dan-pelatihan")
        assert licence.total_display == "4 hari 1 jam 18 menit"
        assert licence.stated_total_differs
        # SOP 002: exactly the printed 1,215 minutes.
        day = SOPPage.objects.get(slug="penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis")
        assert day.total_range().low.minutes == Decimal(1215) and not day.total_range().is_range
        assert day.total_display == "20 jam 15 menit"
        assert not day.stated_total_differs
        # SOP 000: ranges sum to a range.
        kelas = SOPPage.objects.get(slug="inovasi-kelas-kreatif")
        assert kelas.total_display == "2 jam 52 menit – 5 jam 32 menit"
        assert kelas.actors() == ["Peserta", "Petugas Administrasi", "Instruktur"]
        # SOP 003 counts its week as five working days.
        assert SOPPage.objects.get(slug="penyelenggaraan-pelatihan-blk").total_display == "11 hari 4 jam 45 menit"


def test_every_demo_page_renders_with_total_and_chart(client, demo_sops):
    index, pages = demo_sops
    listing = client.get("/sop/")
    assert listing.status_code == 200
    for page in pages:
        assert page.title.encode() in listing.content
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.content, "html.parser")
        with translation.override("id"):
            assert soup.select_one(".sop-total__value").get_text(strip=True) == page.total_display
        assert len(soup.select("table.swimlane__table tbody tr")) == page.steps.count()
        lanes = [th.get_text(strip=True) for th in soup.select("th.swimlane__lane-head")]
        assert lanes == page.actors()
    licence = client.get("/sop/izin-penyelenggaraan-kursus-dan-pelatihan/").content.decode()
    assert "Dokumen SOP mencantumkan 4 Hari 1 Jam 13 Menit (5 Hari)" in licence
    related = client.get("/sop/pelaksanaan-kegiatan-diklat/").content
    assert b'href="/sop/penyiapan-bahan-materi-diklat/"' in related
