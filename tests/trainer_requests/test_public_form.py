import datetime
import io
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from trainer_requests import forms as request_forms
from trainer_requests.factories import request_letter_pdf
from trainer_requests.models import PendingUpload, TrainerRequest

pytestmark = pytest.mark.django_db
URL = "/permintaan-narasumber/"


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=request_forms.STARTED_SALT)


def valid_data(category, **overrides):
    day = timezone.localdate() + datetime.timedelta(days=20)
    data = {
        "organisation_name": "Koperasi Serba Usaha Sumber Rejeki",
        "organisation_type": "cooperative",
        "address": "Jl. Brawijaya No. 5",
        "regency": "Kabupaten Jember",
        "applicant_name": "Bambang Sutrisno",
        "phone": "081355500011",
        "applicant_email": "ksu.sumberrejeki@contoh.test",
        "topic": "Pemasaran digital produk anggota koperasi",
        "category": str(category.pk),
        "preferred_trainer": "",
        "event_title": "Bimtek Pemasaran Digital",
        "start_date": day.isoformat(),
        "end_date": day.isoformat(),
        "start_time": "08:00",
        "end_time": "12:00",
        "mode": "in_person",
        "location": "Aula KSU Sumber Rejeki, Jember",
        "online_link": "",
        "audience_size": "40",
        "audience_profile": "Anggota koperasi pelaku UMKM",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data


def letter_file(name="surat.pdf", content=None):
    return SimpleUploadedFile(name, content if content is not None else request_letter_pdf(), "application/pdf")


def test_form_page_and_prefill_from_trainer_profile(client, trainer):
    response = client.get(f"{URL}?narasumber={trainer.pk}")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<option value="{trainer.pk}" selected>' in body
    assert 'class="honeypot"' in body
    assert client.get(f"{URL}?narasumber=abc").status_code == 200
    assert client.get(f"{URL}?narasumber=999999").status_code == 200


def test_valid_request_waits_for_email_confirmation(client, category, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**valid_data(category), "letter": letter_file()})
    assert response.status_code == 302 and response["Location"] == reverse("trainer_requests:sent")
    trainer_request = TrainerRequest.objects.get()
    assert trainer_request.state == "unconfirmed" and trainer_request.tracking_number is None
    assert trainer_request.letter.read().startswith(b"%PDF")
    page = client.get(response["Location"])
    assert "ksu.sumberrejeki@contoh.test" in page.content.decode()
    (message,) = mail.outbox
    assert message.to == ["ksu.sumberrejeki@contoh.test"]
    link = next(line for line in message.body.splitlines() if "/konfirmasi/" in line).strip()
    # Opening the link (as a mail scanner does) changes nothing; the button on the page confirms.
    assert client.get(link.replace("http://testserver", "")).status_code == 200
    trainer_request.refresh_from_db()
    assert trainer_request.state == "unconfirmed"
    response = client.post(link.replace("http://testserver", ""), follow=True)
    trainer_request.refresh_from_db()
    assert trainer_request.state == "received" and trainer_request.email_confirmed_at
    body = response.content.decode()
    assert trainer_request.tracking_number in body and trainer_request.get_status_url() in body
    # The link works once; following it again just shows the request.
    again = client.get(link.replace("http://testserver", ""))
    assert again.status_code == 302
    trainer_request.refresh_from_db()
    assert trainer_request.version == 1


def test_bad_and_expired_confirmation_links(client, new_request):
    assert client.get(reverse("trainer_requests:confirm", args=["rubbish"])).status_code == 400
    trainer_request = new_request()
    from trainer_requests.services import confirmation_token

    token = confirmation_token(trainer_request)
    with time_travel(days=4):
        assert client.get(reverse("trainer_requests:confirm", args=[token])).status_code == 400
    trainer_request.refresh_from_db()
    assert trainer_request.state == "unconfirmed"


def time_travel(days):
    import time_machine

    return time_machine.travel(timezone.now() + datetime.timedelta(days=days))


def test_errors_keep_input_but_store_no_letter(client, category):
    # Issue 14: a failed anonymous submission stores no file; the applicant chooses the letter again.
    data = valid_data(category, applicant_email="bukan-email", audience_size="banyak")
    response = client.post(URL, {**data, "letter": letter_file("permohonan-kemiren.pdf")})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Koperasi Serba Usaha Sumber Rejeki" in body and "bukan-email" in body
    assert "letter_token" not in response.context["form"].data
    assert PendingUpload.objects.count() == 0
    response = client.post(URL, {**valid_data(category), "letter": letter_file("permohonan-kemiren.pdf")})
    assert response.status_code == 302
    trainer_request = TrainerRequest.objects.get()
    assert trainer_request.letter_name == "permohonan-kemiren.pdf"
    assert trainer_request.letter.read().startswith(b"%PDF")


def test_forged_letter_token_is_ignored(client, category):
    pending = PendingUpload.objects.create(original_name="x.pdf")
    response = client.post(URL, valid_data(category, letter_token=str(pending.pk)))
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["letter"][0].code == "required"
    assert not TrainerRequest.objects.exists()


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content",
    [
        ("surat.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200),  # a renamed executable
        ("surat.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("surat.pdf", b"%PDF-1.4 not really a pdf"),
        ("surat.png", png_bytes()[:40]),  # truncated image
        ("surat.html", b"<html><body>hi</body></html>"),
    ],
)
def test_bad_uploads_rejected(client, category, name, content):
    response = client.post(URL, {**valid_data(category), "letter": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert response.context["form"].errors["letter"]
    assert not TrainerRequest.objects.exists() and not PendingUpload.objects.exists()


def test_oversize_and_bomb_rejected(client, category):
    big = SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 + 10))
    response = client.post(URL, {**valid_data(category), "letter": big})
    assert response.context["form"].errors.as_data()["letter"][0].code == "too_large"
    bomb = Image.new("1", (8000, 8000))
    buffer = io.BytesIO()
    bomb.save(buffer, "PNG")
    response = client.post(URL, {**valid_data(category), "letter": SimpleUploadedFile("bom.png", buffer.getvalue())})
    assert response.context["form"].errors.as_data()["letter"][0].code == "image_bomb"
    assert not TrainerRequest.objects.exists()


def test_image_letter_accepted(client, category):
    response = client.post(URL, {**valid_data(category), "letter": SimpleUploadedFile("foto-surat.png", png_bytes())})
    assert response.status_code == 302


def test_honeypot_keeps_nothing(client, category):
    response = client.post(URL, {**valid_data(category, website="http://spam.example"), "letter": letter_file()})
    assert response.status_code == 302
    assert not TrainerRequest.objects.exists() and not mail.outbox


def test_too_fast_and_missing_timestamp_rejected(client, category):
    response = client.post(URL, {**valid_data(category, started=started(0)), "letter": letter_file()})
    assert response.status_code == 200 and "started" in response.context["form"].errors
    response = client.post(URL, {**valid_data(category, started="forged"), "letter": letter_file()})
    assert response.status_code == 200 and not TrainerRequest.objects.exists()


def test_rate_limit_per_ip(client, category):
    for n in range(5):
        data = valid_data(category, applicant_email=f"org{n}@contoh.test")
        assert client.post(URL, {**data, "letter": letter_file()}).status_code == 302
    response = client.post(URL, {**valid_data(category), "letter": letter_file()})
    assert response.status_code == 429
    assert TrainerRequest.objects.count() == 5
    # Issue 14: a refused submission stores nothing; the applicant chooses the letter again later.
    assert not PendingUpload.objects.exists()


def test_online_needs_link_and_in_person_needs_place(client, category):
    response = client.post(URL, {**valid_data(category, mode="online", location=""), "letter": letter_file()})
    assert "online_link" in response.context["form"].errors
    response = client.post(URL, {**valid_data(category, location="  "), "letter": letter_file()})
    assert "location" in response.context["form"].errors
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(URL, {**valid_data(category, start_date=past, end_date=past), "letter": letter_file()})
    assert "start_date" in response.context["form"].errors


FIELDS = [
    "organisation_name",
    "organisation_type",
    "address",
    "regency",
    "applicant_name",
    "phone",
    "applicant_email",
    "topic",
    "category",
    "preferred_trainer",
    "event_title",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "mode",
    "location",
    "online_link",
    "audience_size",
    "audience_profile",
    "consent",
    "website",
    "started",
    "letter_token",
]

junk = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=20),
    st.text(min_size=3000, max_size=6000, alphabet="aé漢\u202e🙂"),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["2027-02-30", "99999-01-01", "0000-00-00", "25:61", "-1", "1e400", "NaN", "", " ", "null"]),
    st.dates().map(lambda d: d.isoformat()),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), junk, max_size=8), with_letter=st.booleans())
def test_public_form_never_500(client, category, overrides, with_letter):
    data = {**valid_data(category), **overrides}
    files = {"letter": letter_file()} if with_letter else {}
    response = client.post(URL, {**data, **files})
    assert response.status_code in (200, 302, 429)
