"""The alumnus's journey in real Chromium: ask, get a tracking number, follow the status, read the answer."""

import pytest

from accounts import roles
from consultations.models import Consultation
from procedures import services


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_alumnus_asks_follows_status_and_reads_the_answer(browser_page, login_in_browser, user_factory):
    alumnus = user_factory(email="alumni.konsultasi@contoh.test", first_name="Bagus", last_name="Prasetyo")
    team = {
        role: user_factory(roles=[role])
        for role in (roles.TEAM_MEMBER, roles.TEAM_LEAD, roles.HEAD_OF_UNIT, roles.HEAD_OF_OFFICE)
    }
    login_in_browser(browser_page, alumnus)

    page = browser_page
    page.goto("/konsultasi/")
    page.fill("#id_training", "Pembukuan Sederhana UMKM")
    page.fill("#id_subject", "Kas usaha dan kas rumah tangga")
    page.fill("#id_question", "Bagaimana memisahkan uang usaha dari uang pribadi?")
    page.click("main form button[type=submit]")
    # Forgot the consent box: the error is shown and nothing typed is lost.
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_subject") == "Kas usaha dan kas rumah tangga"
    page.check("#id_consent")
    page.click("main form button[type=submit]")

    consultation = Consultation.objects.get()
    page.wait_for_selector(f"text={consultation.tracking_number}")
    page.click("a[href*='/status/']")
    page.wait_for_selector("ol.timeline")
    assert "Bagus Prasetyo" in page.content()

    services.perform(consultation, "forward", team[roles.TEAM_MEMBER])
    services.perform(consultation, "propose", team[roles.TEAM_LEAD], data={"answer": "Buka rekening khusus usaha."})
    services.perform(consultation, "unit_approve", team[roles.HEAD_OF_UNIT], data={"answer": "Buka rekening usaha."})
    services.perform(consultation, "office_approve", team[roles.HEAD_OF_OFFICE])
    services.perform(consultation, "order_documentation", team[roles.TEAM_LEAD])
    services.perform(consultation, "send_answer", team[roles.TEAM_MEMBER])

    page.goto("/saya/")
    page.click(f"text={consultation.subject}")
    assert "Buka rekening usaha." in page.content()
    with page.expect_download() as download:
        page.click("a[href*='/berkas/letter-']")
    assert download.value.suggested_filename.endswith(".pdf")
