"""Staff read what a letter is, not its internal code."""

import pytest

from django.conf import settings

from procedures.letters import issue_letter

pytestmark = pytest.mark.django_db


def test_letters_list_names_the_kind_in_indonesian(client, user_factory):
    issue_letter(
        kind="course_licence_decree", code="UJI", subject="Izin LKP Sekar Jagad", addressee="LKP", body="Isi."
    )
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = client.get("/admin/letters/").content.decode()
    assert "Keputusan izin kursus" in html
    assert "course_licence_decree</td>" not in html
    filtered = client.get("/admin/letters/", {"kind": "course_licence_decree"})
    assert filtered.status_code == 200 and "Izin LKP Sekar Jagad" in filtered.content.decode()
