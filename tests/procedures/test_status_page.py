import pytest

from django.urls import reverse

from accounts import roles
from procedures import services

pytestmark = pytest.mark.django_db


def test_lookup_by_number_and_token_redirects_to_the_timeline(client, submitted):
    errand = submitted(phone="081298765432")
    response = client.get(
        reverse("procedures:lookup"),
        {"number": errand.tracking_number.lower(), "token": errand.access_token},
    )
    assert response.status_code == 302 and response.url == errand.get_status_url()
    # Pasting the whole status link into the code field works too.
    response = client.get(
        reverse("procedures:lookup"),
        {"number": errand.tracking_number, "token": errand.get_absolute_status_url()},
    )
    assert response.status_code == 302


def test_timeline_shows_steps_and_standards_but_no_personal_data(client, submitted, staff):
    errand = submitted(phone="081298765432")
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    response = client.get(errand.get_status_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert errand.applicant_name in content
    assert "Received" in content and "Studied by the team lead" in content, "the steps of the procedure"
    for private in (errand.applicant_email, errand.phone, errand.question):
        assert private not in content
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_wrong_token_finds_nothing(client, submitted):
    errand = submitted()
    assert client.get(reverse("procedures:detail", args=[errand.tracking_number, "x" * 32])).status_code == 404
    response = client.get(reverse("procedures:lookup"), {"number": errand.tracking_number, "token": "nope"})
    assert response.status_code == 200 and response.context["not_found"] is True
    assert client.get(reverse("procedures:detail", args=["ZZZ-2026-00001", "abc"])).status_code == 404


def test_send_back_reason_is_public_internal_notes_are_not(client, submitted, staff):
    errand = submitted()
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER], note="Catatan internal rahasia")
    services.perform(errand, "decline", staff[roles.TEAM_LEAD], note="Pertanyaan di luar bidang kami")
    content = client.get(errand.get_status_url()).content.decode()
    assert "Pertanyaan di luar bidang kami" in content
    assert "Catatan internal rahasia" not in content


def test_lookups_are_rate_limited(client, submitted):
    errand = submitted()
    statuses = [
        client.get(reverse("procedures:lookup"), {"number": errand.tracking_number, "token": "salah"}).status_code
        for _ in range(32)
    ]
    assert statuses[0] == 200 and statuses[-1] == 429
