"""The demo office adopts every SOP of the library as Banyuwangi's own; loading it is slow, so two tests share it."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from sops import library
from sops.models import SOPPage
from sops.standards import standard_for, standards_for

pytestmark = pytest.mark.django_db

BANYUWANGI = "Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi – Pusat Pelatihan"


def test_demo_adopts_every_library_sop_as_banyuwangis(demo_sops):
    from sops.demo import load

    index, pages = demo_sops
    assert len(pages) == len(library.entries()) == 11 == SOPPage.objects.live().count()
    load()  # idempotent
    assert SOPPage.objects.count() == 11
    assert index.url == "/sop/" and index.show_in_menus

    by_key = {page.library_key: page for page in SOPPage.objects.all()}
    for entry in library.entries():
        page = by_key[entry.key]
        assert page.issuer == BANYUWANGI
        assert (
            page.sop_number.startswith("188/")
            and page.sop_number.endswith("/KEP/429.110/2026")
            or (entry.key == "inovasi-kelas-kreatif" and page.sop_number == "188/3468/KEP/429.110/2022")
        )
        assert page.approver_name == "M.Y. Bramuda, S.Sos., MBA., MM."
        assert page.approver_nip == "19730126 199201 1 001"
        assert [step.display_label for step in page.ordered_steps()] == entry.step_labels()
        legal = [block.value for block in page.legal_basis]
        assert legal[-2:] == [
            "Peraturan Daerah Kabupaten Banyuwangi Nomor 8 Tahun 2016 tentang Pembentukan dan Susunan Perangkat "
            "Daerah",
            "Peraturan Bupati Banyuwangi Nomor 48 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi "
            "serta Tata Kerja Dinas Kebudayaan dan Pariwisata",
        ]
        assert not any("Kalimantan Barat" in text for text in legal), entry.key

    # 004 "Pelaksanaan Kegiatan Diklat" prints 1..7, 9, 8, 9: kept as printed, ordered as printed.
    steps = by_key["pelaksanaan-kegiatan-diklat"].ordered_steps()
    assert [step.display_label for step in steps] == ["1", "2", "3", "4", "5", "6", "7", "9", "8", "9"]

    codes = dict(SOPPage.objects.exclude(procedure_code="").values_list("procedure_code", "library_key"))
    assert codes == {
        "trainer_registration": "pendaftaran-narasumber",
        "trainer_request": "permintaan-narasumber",
        "enrolment": "inovasi-kelas-kreatif",
        "course_licence": "izin-penyelenggaraan-kursus-dan-pelatihan",
        "consultation": "layanan-konsultasi-dan-informasi-pasca-pelatihan",
        "regional_training": "penyelenggaraan-pelatihan-blk",
        "training_facilities": "penyiapan-sarana-dan-prasarana-diklat",
    }
    assert standard_for("regional_training", "7").as_working_days() == Decimal(5)
    assert standard_for("course_licence", "4").as_working_days() == Decimal(4)
    assert standard_for("consultation", "4").as_minutes() == 60
    assert standard_for("trainer_request", "3").as_minutes() == 10
    assert standard_for("enrolment", "2").as_minutes() == 20
    assert standard_for("trainer_request", "5").actor == "Eselon/Fungsional Khusus; Petugas Teknis"
    assert len(standards_for("trainer_registration")) == 5

    week = by_key["penyelenggaraan-pelatihan-blk"].steps.get(number=7)
    assert (week.time_value, week.time_unit, week.time_text) == (Decimal(5), "working_days", "1 minggu")

    with translation.override("id"):
        assert by_key["inovasi-kelas-kreatif"].date_made_display == "26 Desember 2022"
        licence = by_key["izin-penyelenggaraan-kursus-dan-pelatihan"]
        assert licence.total_display == "4 hari 1 jam 18 menit"
        assert not licence.stated_total_differs  # the office's own document: its total is its steps' sum
        day = by_key["penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis"]
        assert day.total_range().low.minutes == Decimal(1215) and day.total_display == "20 jam 15 menit"
        kelas = by_key["inovasi-kelas-kreatif"]
        assert kelas.total_display == "2 jam 52 menit – 5 jam 32 menit"
        assert kelas.actors() == ["Peserta", "Petugas Administrasi", "Instruktur"]
        assert by_key["penyelenggaraan-pelatihan-blk"].total_display == "11 hari 4 jam 45 menit"


def test_every_demo_page_renders_as_the_offices_own(client, demo_sops):
    index, pages = demo_sops
    listing = client.get("/sop/")
    assert listing.status_code == 200
    soup = BeautifulSoup(listing.content, "html.parser")
    assert [h2.get_text(strip=True) for h2 in soup.select(".sop-group__title")] == [BANYUWANGI]
    for page in pages:
        assert page.title.encode() in listing.content
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        soup = BeautifulSoup(html, "html.parser")
        with translation.override("id"):
            assert soup.select_one(".sop-total__value").get_text(strip=True) == page.total_display
        assert len(soup.select("table.swimlane__table tbody tr")) == page.steps.count()
        lanes = [th.get_text(strip=True) for th in soup.select("th.swimlane__lane-head")]
        assert lanes == page.actors()
        entry = library.get(page.library_key)
        # The source's number is not the office's (SOP 000 is the office's own document, number and all).
        source_number = entry.source.number if entry.source.number != page.sop_number else ""
        for quirk in ("terpotong", "DISKOPUKM", "Kalimantan Barat", "Banjarbaru", "Pagar Alam", source_number):
            if quirk:
                assert quirk not in html, (page.url, quirk)
        assert "Diadopsi dari pustaka SOP" not in html
    related = client.get("/sop/pelaksanaan-kegiatan-diklat/").content
    assert b'href="/sop/penyiapan-bahan-materi-diklat/"' in related
