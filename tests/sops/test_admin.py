"""The SOP library screen: editors adopt an SOP as the office's own; other staff cannot."""

import pytest

from accounts import roles
from sops import adoption, library
from sops.models import SOPPage

pytestmark = pytest.mark.django_db

KEY = "layanan-konsultasi-dan-informasi-pasca-pelatihan"


@pytest.fixture
def editor(user_factory, starter):
    return user_factory(email="editor@dinas.test", roles=[roles.EDITOR], is_staff=True)


def test_the_library_lists_every_sop_with_its_adoption(client, editor):
    client.force_login(editor)
    response = client.get("/admin/sop-library/")
    assert response.status_code == 200
    html = response.content.decode()
    for entry in library.entries():
        assert entry.title in html
    # The SOPs a portal service follows are adopted by setup_portal (sops.starter); each gets "Perbarui adopsi".
    assert html.count("Perbarui adopsi") == sum(1 for entry in library.entries() if entry.procedure)
    assert html.count('href="/admin/sop-library/') >= 11
    assert "Pustaka SOP" in client.get("/admin/").content.decode()


def test_an_editor_adopts_with_the_offices_header(client, editor):
    client.force_login(editor)
    url = "/admin/sop-library/bimbingan-dan-pendampingan-di-lapangan/"
    form = client.get(url)
    assert form.status_code == 200
    assert (
        form.context["form"].initial["issuer"] == "Dinas Pendidikan dan Kebudayaan Kabupaten Contoh – Bidang Pelatihan"
    )
    assert form.context["form"].initial["approver_nip"] == "19680512 199403 1 007"
    assert "replace_content" not in form.context["form"].fields

    data = {
        "issuer": "Dinas Pendidikan dan Kebudayaan Kabupaten Contoh – Bidang Pelatihan",
        "sop_number": "800/31/SOP/2026",
        "date_made": "2026-03-02",
        "date_effective": "2026-04-01",
        "approver_title": "Kepala Dinas Pendidikan dan Kebudayaan",
        "approver_name": "Drs. Ahmad Santoso, M.Si.",
        "approver_nip": "196805121994031007",
        "extra_legal_basis": "Peraturan Bupati Contoh Nomor 7 Tahun 2024\n\n",
    }
    response = client.post(url, data)
    page = SOPPage.objects.get(library_key="bimbingan-dan-pendampingan-di-lapangan")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.live and page.sop_number == "800/31/SOP/2026" and page.approver_nip == "19680512 199403 1 007"
    assert [block.value for block in page.legal_basis] == ["Peraturan Bupati Contoh Nomor 7 Tahun 2024"]
    assert page.get_latest_revision().user == editor
    # The editor opens the page afterwards like any page.
    assert client.get(response["Location"]).status_code == 200


def test_bad_input_keeps_what_was_typed(client, editor):
    client.force_login(editor)
    url = f"/admin/sop-library/{KEY}/"
    response = client.post(
        url,
        {
            "issuer": "",
            "sop_number": "800/32/SOP/2026",
            "approver_nip": "123",
            "date_made": "2026-05-01",
            "date_revised": "2026-01-01",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"issuer", "approver_nip", "date_revised"}
    assert "800/32/SOP/2026" in response.content.decode()
    assert SOPPage.objects.get(library_key=KEY).sop_number == ""


def test_updating_an_adoption_and_replacing_content(client, editor):
    client.force_login(editor)
    page = adoption.adopted_page(KEY)
    draft = page.get_latest_revision_as_object()
    draft.warning = "Peringatan kantor sendiri"
    draft.save_revision().publish()
    url = f"/admin/sop-library/{KEY}/"
    initial = client.get(url).context["form"].initial
    data = {name: value or "" for name, value in initial.items() if not name.endswith("month_only")}
    data["sop_number"] = "800/40/SOP/2026"
    client.post(url, data)
    page = SOPPage.objects.get(pk=page.pk)
    assert (page.sop_number, page.warning) == ("800/40/SOP/2026", "Peringatan kantor sendiri")
    client.post(url, {**data, "replace_content": "on"})
    assert SOPPage.objects.get(pk=page.pk).warning == library.get(KEY).warning


@pytest.mark.parametrize("role", [roles.TECHNICAL_OFFICER, roles.TEAM_LEAD])
def test_staff_without_page_rights_cannot_adopt(client, user_factory, starter, role):
    client.force_login(user_factory(roles=[role], is_staff=True))
    # Wagtail answers a refused admin request with a redirect to the dashboard and an error message.
    for response in (
        client.get("/admin/sop-library/"),
        client.post(f"/admin/sop-library/{KEY}/", {"issuer": "X"}),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "Pustaka SOP" not in client.get("/admin/").content.decode()
    assert SOPPage.objects.get(library_key=KEY).issuer != "X"


def test_unknown_entry_is_404(client, editor):
    client.force_login(editor)
    assert client.get("/admin/sop-library/tidak-ada/").status_code == 404
