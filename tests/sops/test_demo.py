from decimal import Decimal

import pytest

from django.utils import translation

from sops.demo import SOPS, load
from sops.models import SOPPage

pytestmark = pytest.mark.django_db


def test_demo_loads_every_sop_once(demo_sops):
    index, pages = demo_sops
    assert len(pages) == 11 == SOPPage.objects.live().count()
    load()  # idempotent
    assert SOPPage.objects.count() == 11
    assert index.url == "/sop/"
    assert index.show_in_menus


def test_step_counts_match_the_documents(demo_sops):
    counts = {page.slug: page.steps.count() for page in demo_sops[1]}
    assert counts["inovasi-kelas-kreatif"] == 5
    assert counts["izin-penyelenggaraan-kursus-dan-pelatihan"] == 9
    assert counts["penyelenggaraan-kegiatan-pengembangan-kompetensi-teknis"] == 19
    assert counts["penyelenggaraan-pelatihan-blk"] == 11
    assert counts["pelaksanaan-kegiatan-diklat"] == 10
    assert sum(counts.values()) == sum(len(data["steps"]) for data in SOPS)


def test_misnumbered_steps_keep_their_printed_labels(demo_sops):
    page = SOPPage.objects.get(slug="pelaksanaan-kegiatan-diklat")
    steps = page.ordered_steps()
    assert [step.display_label for step in steps] == ["1", "2", "3", "4", "5", "6", "7", "9", "8", "9"]
    assert [step.number for step in steps] == list(range(1, 11))


def test_procedure_codes(demo_sops):
    codes = dict(SOPPage.objects.exclude(procedure_code="").values_list("procedure_code", "slug"))
    assert codes == {
        "trainer_registration": "pendaftaran-narasumber",
        "trainer_request": "permintaan-narasumber",
        "enrolment": "inovasi-kelas-kreatif",
        "course_licence": "izin-penyelenggaraan-kursus-dan-pelatihan",
        "consultation": "layanan-konsultasi-dan-informasi-pasca-pelatihan",
        "material_preparation": "penyiapan-bahan-materi-diklat",
    }


def test_month_precision_dates(demo_sops):
    page = SOPPage.objects.get(slug="permintaan-narasumber")
    with translation.override("id"):
        assert page.date_made_display == "Agustus 2023"
        assert page.date_effective_display == "Agustus 2023"
        assert SOPPage.objects.get(slug="inovasi-kelas-kreatif").date_made_display == "26 Desember 2022"


def test_a_week_is_five_working_days(demo_sops):
    step = SOPPage.objects.get(slug="penyelenggaraan-pelatihan-blk").steps.get(number=7)
    assert (step.time_value, step.time_unit, step.time_text) == (Decimal(5), "working_days", "1 minggu")


def test_every_page_renders_with_total_and_chart(client, demo_sops):
    index, pages = demo_sops
    listing = client.get("/sop/")
    assert listing.status_code == 200
    for page in pages:
        assert page.title.encode() in listing.content
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.total_display in html
        assert 'class="swimlane__table"' in html
        assert html.count('<th scope="row" class="swimlane__step">') == page.steps.count()


def test_related_sops_link_to_published_pages(client, demo_sops):
    response = client.get("/sop/pelaksanaan-kegiatan-diklat/")
    assert b'href="/sop/penyiapan-bahan-materi-diklat/"' in response.content
