import pytest

from django.urls import reverse

from wagtail import hooks

from portal.hooks import MEMBER_AREA_PANEL, MemberPanel


@pytest.mark.django_db
def test_member_area_requires_login(client):
    response = client.get("/saya/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/?next=/saya/"


@pytest.mark.django_db
def test_member_area_greets_the_member_and_shows_registered_panels_in_order(client, user_factory):
    member = user_factory(first_name="Ni Luh", last_name="Sari")
    client.force_login(member)

    def enrolments(request):
        return MemberPanel(
            title="Kelas saya",
            template="accounts/panel_list.html",
            context={"records": [{"title": "Tari Gandrung Dasar", "url": "/kelas/tari/", "status": "Diterima"}]},
            order=10,
        )

    def certificates(request):
        return MemberPanel(title="Sertifikat saya", template="accounts/panel_list.html", context={"empty": "Kosong"})

    def hidden(request):
        return None  # an app with nothing to show for this member

    with (
        hooks.register_temporarily(MEMBER_AREA_PANEL, certificates),
        hooks.register_temporarily(MEMBER_AREA_PANEL, enrolments),
        hooks.register_temporarily(MEMBER_AREA_PANEL, hidden),
    ):
        response = client.get("/saya/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Halo, Ni Luh Sari" in body
    assert body.index("Kelas saya") < body.index("Sertifikat saya")
    assert '<a class="record-list__title" href="/kelas/tari/">Tari Gandrung Dasar</a>' in body
    assert "Kosong" in body
    assert "Buka ruang kerja petugas" not in body


@pytest.mark.django_db
def test_member_area_without_panels_and_for_staff(client, user_factory):
    from accounts import roles

    client.force_login(user_factory(roles=[roles.EDITOR]))
    body = client.get("/saya/").content.decode()
    # Nobody's member area is empty any more: everyone may see, take and erase their data (UU PDP).
    assert "Data pribadi saya" in body and 'href="/saya/privasi/"' in body
    assert 'href="/admin/"' in body


@pytest.mark.django_db
def test_profile_form_saves_and_keeps_input_on_errors(client, user_factory):
    member = user_factory(first_name="Lama", last_name="", phone="")
    client.force_login(member)
    url = reverse("accounts:profile")

    response = client.post(url, {"first_name": "", "last_name": "Putri", "phone": "12"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Mohon perbaiki isian berikut" in body
    assert 'value="Putri"' in body
    assert 'aria-invalid="true"' in body
    member.refresh_from_db()
    assert member.first_name == "Lama"

    response = client.post(url, {"first_name": " Made ", "last_name": "Putri", "phone": "0812-3456-7890"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:member_area")
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.phone) == ("Made", "Putri", "0812-3456-7890")
