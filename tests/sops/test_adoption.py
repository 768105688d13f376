"""Adoption: a library SOP becomes the office's own page, editors keep control, the clock reads it."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command

from procedures import registry
from procedures.clock import office_calendar
from procedures.standards import standard_for_step
from sops import adoption, library
from sops.models import SOPPage

pytestmark = pytest.mark.django_db

KEY = "permintaan-narasumber"


def header(**values):
    base = {
        "issuer": "Dinas Pendidikan Kabupaten Contoh – Bidang Pelatihan",
        "sop_number": "800/12/SOP/2026",
        "date_made": datetime.date(2026, 3, 2),
        "date_effective": datetime.date(2026, 4, 1),
        "approver_title": "Kepala Dinas Pendidikan",
        "approver_name": "Drs. Ahmad Santoso, M.Si.",
        "approver_nip": "19680512 199403 1 007",
    }
    base.update(values)
    return adoption.Adoption(**base)


def test_adopting_creates_the_offices_published_page(home, client):
    result = adoption.adopt(KEY, header(extra_legal_basis=["Peraturan Bupati Contoh Nomor 1 Tahun 2025"]))
    page = result.page
    assert result.created and result.published and page.live
    assert (page.library_key, page.slug, page.url) == (KEY, KEY, "/sop/permintaan-narasumber/")
    assert page.sop_number == "800/12/SOP/2026" and page.issuer.startswith("Dinas Pendidikan Kabupaten Contoh")
    entry = library.get(KEY)
    assert [step.display_label for step in page.ordered_steps()] == entry.step_labels()
    assert [block.value for block in page.legal_basis] == entry.adoptable_legal_basis + [
        "Peraturan Bupati Contoh Nomor 1 Tahun 2025"
    ]
    assert "061/ /DISKOPUKM" in page.staff_notes
    # The registered service now follows the adopted page.
    assert page.procedure_code == result.procedure_linked == "trainer_request"

    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert "800/12/SOP/2026" in soup.get_text()
    for hidden in ("061/ /DISKOPUKM", "DiskopUKM", "Diadopsi dari pustaka SOP", "Kalimantan Barat", "terpotong"):
        assert hidden not in html


def test_the_clock_reads_the_adopted_page(home):
    procedure = registry.get("trainer_request")
    adoption.adopt(KEY, header())
    page = SOPPage.objects.get(library_key=KEY)
    step = page.steps.get(label="3")
    step.time_value = 25
    step.save()
    calendar = office_calendar()
    standard = standard_for_step(procedure, procedure.step("analysis"), calendar)
    assert (standard.source, standard.minutes) == ("sop", 25)


def test_adopting_again_updates_the_header_only(home):
    first = adoption.adopt(KEY, header()).page
    revisions = first.revisions.count()
    assert not adoption.adopt(KEY, header()).changed  # nothing new: no revision
    assert first.revisions.count() == revisions

    # An editor shortens a step and publishes.
    edited = first.get_latest_revision_as_object()
    edited.steps.first().activity = "Menerima surat permohonan"
    edited.save_revision().publish()

    result = adoption.adopt(KEY, header(sop_number="800/13/SOP/2026"))
    page = SOPPage.objects.get(pk=first.pk)
    assert result.changed and result.published and page.sop_number == "800/13/SOP/2026"
    assert page.ordered_steps()[0].activity == "Menerima surat permohonan"

    result = adoption.adopt(KEY, header(sop_number="800/13/SOP/2026"), replace_content=True)
    page = SOPPage.objects.get(pk=first.pk)
    assert result.changed and page.ordered_steps()[0].activity == library.get(KEY).steps[0].activity
    assert SOPPage.objects.filter(library_key=KEY).count() == 1


def test_an_editors_draft_is_never_published_by_adoption(home):
    page = adoption.adopt(KEY, header()).page
    draft = page.get_latest_revision_as_object()
    draft.title = "Permintaan Narasumber (draf)"
    draft.save_revision()
    result = adoption.adopt(KEY, header(sop_number="800/99/SOP/2026"))
    page = SOPPage.objects.get(pk=page.pk)
    assert result.changed and not result.published and result.notes
    assert page.sop_number == "800/12/SOP/2026" and page.title == "Permintaan Narasumber"
    latest = page.get_latest_revision_as_object()
    assert (latest.title, latest.sop_number) == ("Permintaan Narasumber (draf)", "800/99/SOP/2026")


def test_a_service_already_following_another_page_is_not_moved(home):
    from sops.factories import SOPPageFactory

    index = adoption.ensure_index()
    own = SOPPageFactory(parent=index, title="SOP Konsultasi buatan sendiri", procedure_code="consultation")
    result = adoption.adopt("layanan-konsultasi-dan-informasi-pasca-pelatihan", header())
    assert result.page.procedure_code == "" and result.notes
    assert SOPPage.objects.get(pk=own.pk).procedure_code == "consultation"


def test_an_unregistered_service_is_named_but_not_linked(home, monkeypatch):
    monkeypatch.delitem(registry._registry, "material_preparation")  # as before the material review was one
    result = adoption.adopt("penyiapan-bahan-materi-diklat", header())
    assert result.page.procedure_code == ""
    assert any("material_preparation" in note for note in result.notes)


def test_the_material_sop_is_linked_to_the_material_review(home):
    result = adoption.adopt("penyiapan-bahan-materi-diklat", header())
    assert result.page.procedure_code == "material_preparation"


def test_related_sops_link_to_pages_adopted_later(home, client):
    diklat = adoption.adopt("pelaksanaan-kegiatan-diklat", header()).page
    html = client.get(diklat.url).content.decode()
    assert "SOP Penyiapan Bahan/Materi Diklat" in html and 'href="/sop/penyiapan-bahan-materi-diklat/"' not in html
    adoption.adopt("penyiapan-bahan-materi-diklat", header())
    html = client.get(diklat.url).content.decode()
    assert 'href="/sop/penyiapan-bahan-materi-diklat/"' in html


def test_the_command_lists_and_adopts(home):
    out = io.StringIO()
    call_command("adopt_sop", KEY, number="800/20/SOP/2026", date_effective=datetime.date(2026, 5, 4), stdout=out)
    page = SOPPage.objects.get(library_key=KEY)
    assert (page.sop_number, page.date_effective) == ("800/20/SOP/2026", datetime.date(2026, 5, 4))
    assert "created" in out.getvalue()
    call_command("adopt_sop", KEY, approver_name="Dra. Sri Wahyuni", stdout=out)
    page = SOPPage.objects.get(library_key=KEY)
    assert (page.sop_number, page.approver_name) == ("800/20/SOP/2026", "Dra. Sri Wahyuni")
    out = io.StringIO()
    call_command("adopt_sop", list=True, stdout=out)
    assert f"{KEY} [trainer_request]: Permintaan Narasumber – adopted as 800/20/SOP/2026" in out.getvalue()
    assert "pendaftaran-narasumber [trainer_registration]: Pendaftaran Narasumber (Narsum) – not adopted" in (
        out.getvalue()
    )
