"""Issue 14: the public forms are no email relay. No free text the sender typed goes to an unconfirmed address;
an address gets a bounded number of emails whoever sends them; confirmation links act on POST only."""

import pytest

from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.trainer_requests.test_public_form import URL, letter_file, valid_data
from trainer_requests.models import TrainerRequest
from trainer_requests.services import CONFIRMATIONS_PER_ADDRESS

pytestmark = pytest.mark.django_db

PHISHING = "Rekening Anda diblokir, hubungi 0812-0000-0000 dan kirim PIN"
VICTIM = "korban@contoh.test"


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def category(db):
    from categories.factories import CategoryFactory

    return CategoryFactory(name="Koperasi", slug="koperasi")


def phishing_request(category, **overrides):
    return valid_data(
        category,
        applicant_email=VICTIM,
        applicant_name=PHISHING,
        event_title=PHISHING,
        organisation_name=PHISHING,
        audience_profile=PHISHING,
        topic=PHISHING,
        **overrides,
    )


def test_the_confirmation_email_carries_none_of_the_senders_text(client, category, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**phishing_request(category), "letter": letter_file()})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [VICTIM]
    assert PHISHING not in message.subject and PHISHING not in message.body
    assert "0812" not in message.body and "/konfirmasi/" in message.body


def test_one_address_gets_a_bounded_number_of_emails_from_many_senders(
    client, category, django_capture_on_commit_callbacks
):
    for n in range(CONFIRMATIONS_PER_ADDRESS + 3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                URL, {**phishing_request(category), "letter": letter_file()}, REMOTE_ADDR=f"203.0.113.{n + 1}"
            )
        assert response.status_code == 302
    assert TrainerRequest.objects.count() == CONFIRMATIONS_PER_ADDRESS + 3
    assert len([m for m in mail.outbox if VICTIM in m.to]) == CONFIRMATIONS_PER_ADDRESS


def test_the_confirmation_link_acts_on_post_not_on_get(client, category, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {**valid_data(category), "letter": letter_file()})
    from trainer_requests.services import confirmation_token

    trainer_request = TrainerRequest.objects.get()
    url = reverse("trainer_requests:confirm", args=[confirmation_token(trainer_request)])
    page = client.get(url)
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    client.head(url)
    trainer_request.refresh_from_db()
    assert trainer_request.state == "unconfirmed" and trainer_request.tracking_number is None
    assert client.post(url).status_code == 302
    trainer_request.refresh_from_db()
    # SOP step 1: the letter is at the technical officer.
    assert trainer_request.state == "incoming" and trainer_request.tracking_number


def test_the_sign_up_email_does_not_carry_the_typed_name(client):
    response = client.post(
        "/akun/signup/",
        {
            "first_name": PHISHING,
            "last_name": "",
            "email": VICTIM,
            "password1": "Tari-gandrung-2024",
            "password2": "Tari-gandrung-2024",
        },
    )
    assert response.status_code == 302
    (message,) = [m for m in mail.outbox if VICTIM in m.to]
    assert PHISHING not in message.body and PHISHING not in message.subject
