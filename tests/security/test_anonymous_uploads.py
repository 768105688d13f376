"""Issue 14: anonymous uploads. A resource-person request that fails validation stores no file; only valid,
rate-limited submissions store files; unconfirmed requests expire with their letters."""

import datetime
import io
import os
from pathlib import Path

import pytest
import time_machine

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from tests.trainer_requests.test_public_form import URL, letter_file, valid_data
from trainer_requests.models import PendingUpload, TrainerRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def category(db):
    from categories.factories import CategoryFactory

    return CategoryFactory(name="Koperasi", slug="koperasi")


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {str(path) for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_a_request_that_fails_validation_stores_no_file(client, category):
    before = stored_files()
    data = valid_data(category, applicant_email="bukan-email")
    response = client.post(URL, {**data, "letter": letter_file("permohonan.pdf")})
    assert response.status_code == 200 and response.context["form"].errors
    assert stored_files() == before
    assert not PendingUpload.objects.exists() and not TrainerRequest.objects.exists()
    assert "letter_token" not in response.context["form"].data


def test_many_posts_are_refused_before_any_file_is_read_or_stored(client, category):
    before = stored_files()
    statuses = []
    for _n in range(25):
        data = valid_data(category, audience_size="banyak")
        statuses.append(client.post(URL, {**data, "letter": letter_file()}).status_code)
    assert statuses.count(429) >= 5 and statuses[0] == 200
    assert stored_files() == before
    # Over the budget even a valid request is not taken (and its file is not stored).
    response = client.post(URL, {**valid_data(category), "letter": letter_file()})
    assert response.status_code == 429
    assert not TrainerRequest.objects.exists() and stored_files() == before


def test_a_valid_request_stores_its_letter(client, category):
    response = client.post(URL, {**valid_data(category), "letter": letter_file("permohonan.pdf")})
    assert response.status_code == 302
    trainer_request = TrainerRequest.objects.get()
    assert trainer_request.letter and os.path.exists(trainer_request.letter.path)


def test_unconfirmed_requests_expire_with_their_letters(client, category):
    noon = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(12)))
    with time_machine.travel(noon - datetime.timedelta(days=5), tick=False):
        client.post(URL, {**valid_data(category), "letter": letter_file("lama.pdf")})
    cache.clear()
    with time_machine.travel(noon, tick=False):
        client.post(URL, {**valid_data(category), "letter": letter_file("baru.pdf")})
    old, new = TrainerRequest.objects.order_by("created_at")
    old_path = old.letter.path
    assert old.state == new.state == "unconfirmed"
    with time_machine.travel(noon, tick=False):
        call_command("purge_unconfirmed_requests", stdout=io.StringIO())
    assert list(TrainerRequest.objects.all()) == [new]
    assert not os.path.exists(old_path) and os.path.exists(new.letter.path)
