"""Issue 14: letters are readable per flow; a staff role sees the letters of the services it works in only."""

import datetime

import pytest

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts import roles
from consultations.models import Consultation
from licensing.models import LicenceApplication
from procedures.models import Letter

pytestmark = pytest.mark.django_db


def _letter(model, number, subject):
    return Letter.objects.create(
        kind="test",
        number=number,
        date=datetime.date(2026, 6, 1),
        subject=subject,
        addressee="Pemohon",
        body="Isi surat.",
        signer_name="Kepala",
        signer_title="Kepala Dinas",
        office_name="Dinas",
        verification_code=f"CODE-{number}",
        content_type=ContentType.objects.get_for_model(model),
        object_id=1,
    )


@pytest.fixture
def letters():
    return {
        "consultation": _letter(Consultation, "001/KON/2026", "Jawaban konsultasi rahasia"),
        "licence": _letter(LicenceApplication, "002/IZN/2026", "Keputusan izin kursus rahasia"),
    }


@pytest.mark.parametrize(
    ("role", "sees", "hidden"),
    [
        (roles.TEAM_MEMBER, "consultation", "licence"),
        (roles.TEAM_LEAD, "consultation", "licence"),
        (roles.FRONT_OFFICE, "licence", "consultation"),
        (roles.HEAD_OF_LICENSING, "licence", "consultation"),
    ],
)
def test_a_role_reads_the_letters_of_its_own_services_only(client, user_factory, letters, role, sees, hidden):
    client.force_login(user_factory(roles=[role]))
    listing = client.get(reverse("letters:index"))
    assert listing.status_code == 200
    content = listing.content.decode()
    assert letters[sees].number in content
    assert letters[hidden].number not in content
    assert client.get(reverse("letters:inspect", args=[letters[sees].pk])).status_code == 200
    assert client.get(reverse("letters:inspect", args=[letters[hidden].pk])).status_code == 404
    assert client.get(reverse("letters:history", args=[letters[hidden].pk])).status_code == 404
    export = client.get(reverse("letters:index"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert letters[hidden].number not in body


def test_a_role_of_no_service_reads_no_letters(client, user_factory, letters):
    client.force_login(user_factory(roles=[roles.EDITOR]))
    response = client.get(reverse("letters:index"))
    assert response.status_code in (200, 302, 403)
    if response.status_code == 200:
        content = response.content.decode()
        assert letters["consultation"].number not in content and letters["licence"].number not in content


def test_superusers_read_every_letter(client, user_factory, letters):
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    content = client.get(reverse("letters:index")).content.decode()
    assert letters["consultation"].number in content and letters["licence"].number in content
