"""One journey: apply in the browser, correct a refused document, download the signed decree, verify it."""

import re

import pytest

from accounts import roles
from licensing import services
from licensing.factories import jpeg_bytes, pdf_bytes
from licensing.models import LicenceApplication


def payload(item):
    if item.accepted_types == "images":
        return {"name": "ruang-praktik.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}
    slug = re.sub(r"[^a-z0-9]+", "-", item.name.lower())
    return {
        "name": f"{slug}.pdf",
        "mimeType": "application/pdf",
        "buffer": pdf_bytes(item.name, ["LKP Cahaya Mandiri"]),
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_apply_correct_and_download_the_decree(browser_page, login_in_browser, checklist, staff, applicant, advance):
    page = browser_page
    login_in_browser(page, applicant)
    page.goto("/izin-kursus/")
    page.get_by_role("button", name="Start a new application").click()
    page.get_by_label("Institution name").fill("LKP Cahaya Mandiri")
    page.get_by_label("Legal form").select_option("yayasan")
    page.get_by_label("Address").fill("Jl. Panglima Batur No. 5")
    page.get_by_label("Regency/city").fill("Kota Banjarbaru")
    page.get_by_label("Head of the institution").fill("Hj. Siti Mariam")
    page.get_by_label("Phone / WhatsApp").fill("081255500011")
    page.get_by_label("Course programmes offered").fill("Komputer Perkantoran\nBahasa Inggris")
    page.get_by_label("Number of instructors").fill("5")
    page.get_by_label("Facilities").fill("3 ruang kelas\n20 komputer")
    for item in checklist:
        if item.required:
            page.locator(f"#id_item_{item.pk}").set_input_files(payload(item))
    page.get_by_role("button", name="Submit the application").click()
    page.get_by_text("has been submitted with tracking number").wait_for()

    application = LicenceApplication.objects.get(user=applicant)
    assert application.state == "front_office_check"
    npwp = application.documents.get(item__name="NPWP lembaga")
    services.refuse_file(application, staff[roles.FRONT_OFFICE], {npwp.pk: ("refused", "NPWP tidak terbaca.")})

    page.reload()
    page.get_by_text("NPWP tidak terbaca.").first.wait_for()
    page.get_by_role("link", name="Correct the refused documents").click()
    assert page.locator("input[type=file]").count() == 1, "only the refused item is asked again"
    page.locator(f"#id_item_{npwp.item_id}").set_input_files(
        {"name": "npwp-jelas.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("NPWP")}
    )
    page.get_by_role("button", name="Resubmit the corrected file").click()
    page.get_by_text("has been submitted with tracking number").wait_for()
    application.refresh_from_db()
    assert application.state == "front_office_check"

    advance(application, "issued")
    page.reload()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the licence decree (PDF)").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    letter = application.letters().get()
    page.goto(f"/status/surat/{letter.verification_code}/")
    assert page.get_by_text("Genuine letter.").is_visible()
    assert letter.number in page.content()
