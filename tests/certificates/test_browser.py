import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from certificates import services
from certificates.factories import passed_enrolment


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_participant_downloads_and_verifies_then_staff_revokes(
    browser_page, login_in_browser, user_factory, course, default_template
):
    peserta = user_factory(email="peserta@demo.test")
    enrolment = passed_enrolment(course, full_name="Ni Luh Putu Ayu Saraswati Dewi", user=peserta)
    certificate, _created = services.issue_certificate(enrolment)

    login_in_browser(browser_page, peserta)
    browser_page.goto("/saya/")
    with browser_page.expect_download() as download_info:
        browser_page.get_by_role("link", name="Unduh sertifikat (PDF)").click()
    text = " ".join(
        PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes())).pages[0].extract_text().split()
    )
    assert "Ni Luh Putu Ayu Saraswati Dewi" in text
    assert "Tari Gandrung untuk Pemula" in text
    assert certificate.number in text

    browser_page.get_by_role("link", name="Halaman verifikasi").click()
    status = browser_page.locator("[data-status]")
    assert status.get_attribute("data-status") == "valid"
    assert "Sertifikat sah" in status.inner_text()
    assert "Ni L*** P*** A*** S*** D***" in browser_page.content()
    verify_url = browser_page.url

    services.revoke(certificate, None, "Peserta tercatat ganda")
    browser_page.goto(verify_url)
    status = browser_page.locator("[data-status]")
    assert status.get_attribute("data-status") == "revoked"
    assert "Peserta tercatat ganda" in status.inner_text()
