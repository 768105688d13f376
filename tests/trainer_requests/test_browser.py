import datetime
import re

import pytest

from django.core import mail
from django.utils import timezone

from procedures import services
from trainer_requests import forms as request_forms
from trainer_requests.factories import request_letter_pdf
from trainer_requests.models import TrainerRequest

from .conftest import advance


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_request_to_trainer_confirmation(
    browser_page, login_in_browser, staff, trainer, category, monkeypatch, tmp_path
):
    monkeypatch.setattr(request_forms, "MIN_FILL_SECONDS", 0)
    page = browser_page
    page.goto(f"/permintaan-narasumber/?narasumber={trainer.pk}")
    day = timezone.localdate() + datetime.timedelta(days=30)
    page.fill("#id_organisation_name", "Desa Wisata Kemiren")
    page.select_option("#id_organisation_type", "village")
    page.fill("#id_address", "Jl. Barong No. 1, Kemiren, Glagah")
    page.fill("#id_regency", "Kabupaten Banyuwangi")
    page.fill("#id_applicant_name", "Suhaimi")
    page.fill("#id_phone", "081234500001")
    page.fill("#id_applicant_email", "kemiren@contoh.test")
    page.fill("#id_topic", "Pembukuan BUMDes dan koperasi wisata")
    page.select_option("#id_category", str(category.pk))
    assert page.input_value("#id_preferred_trainer") == str(trainer.pk)
    page.fill("#id_event_title", "Pelatihan Pembukuan BUMDes")
    page.fill("#id_start_date", day.isoformat())
    page.fill("#id_end_date", day.isoformat())
    page.fill("#id_start_time", "08:00")
    page.fill("#id_end_time", "12:00")
    page.fill("#id_location", "Balai Desa Kemiren")
    page.fill("#id_audience_size", "25")
    page.fill("#id_audience_profile", "Pengurus BUMDes dan Pokdarwis")
    letter = tmp_path / "surat-permohonan.pdf"
    letter.write_bytes(request_letter_pdf("Desa Wisata Kemiren"))
    page.set_input_files("#id_letter", str(letter))
    page.check("#id_consent")
    page.click(".trainer-request-form button[type=submit]")
    page.wait_for_url("**/permintaan-narasumber/terkirim/")
    assert "kemiren@contoh.test" in page.content()

    message = next(m for m in mail.outbox if m.to == ["kemiren@contoh.test"])
    link = re.search(r"http://\S+/konfirmasi/\S+/", message.body).group(0)
    page.goto("/" + link.split("://", 1)[1].split("/", 1)[1])
    # The link shows a button (mail scanners open links); pressing it confirms.
    page.click("main form button[type=submit]")
    page.wait_for_selector(".message--success")
    trainer_request = TrainerRequest.objects.get()
    assert trainer_request.state == "received"
    assert trainer_request.tracking_number in page.content()
    page.click(f"a[href='{trainer_request.get_status_url()}']")
    page.wait_for_url(f"**{trainer_request.get_status_url()}")
    assert trainer_request.tracking_number in page.content()

    advance(trainer_request, staff, "trainer_confirmation", trainers=[trainer])
    assignment = trainer_request.assignments.get()

    login_in_browser(page, trainer.user)
    page.goto("/saya/")
    page.click(f"a[href='/permintaan-narasumber/tugas/{assignment.pk}/']")
    page.check("input[name=answer][value=confirm]")
    page.click(".assignment-answer button[type=submit]")
    page.wait_for_selector(".message--success")
    trainer_request.refresh_from_db()
    assert trainer_request.state == "scheduled"
    assert services.allowed_transitions(trainer_request, staff["teknis"])[0].name == "close"
