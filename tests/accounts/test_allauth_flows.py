"""Sign-up, email confirmation, login and password reset through allauth, in Indonesian."""

import re

import pytest
from allauth.account.models import EmailAddress

from django.core import mail

from accounts.models import User


def link_in(message):
    return re.search(r"https?://[^\s]+", message.body).group(0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/akun/login/", "Masuk"),
        ("/akun/signup/", "Daftar"),
        ("/akun/password/reset/", "Reset Kata Sandi"),
        ("/akun/confirm-email/", "Verifikasi Alamat E-mail Anda"),
    ],
)
def test_account_pages_are_in_indonesian_in_the_site_design(client, url, text):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="id">' in body
    assert text in body
    assert 'class="site-header"' in body
    assert "page-account" in body


@pytest.mark.django_db
def test_signup_form_has_visible_labels_for_every_field(client):
    body = client.get("/akun/signup/").content.decode()
    for field, label in [
        ("id_first_name", "Nama depan"),
        ("id_last_name", "Nama belakang"),
        ("id_email", "Surel"),
        ("id_password1", "Kata sandi"),
    ]:
        assert re.search(rf'<label for="{field}">{label}', body), field


@pytest.mark.django_db
def test_signup_errors_show_a_summary_and_keep_the_input(client):
    response = client.post(
        "/akun/signup/",
        {"first_name": "Sari", "last_name": "", "email": "bukan-surel", "password1": "a", "password2": "b"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert 'href="#id_email"' in body
    assert 'value="Sari"' in body
    assert not User.objects.filter(first_name="Sari").exists()


@pytest.mark.django_db
def test_signup_requires_email_confirmation_before_login(client):
    response = client.post(
        "/akun/signup/",
        {
            "first_name": "Komang",
            "last_name": "Ayu",
            "email": "Komang@Contoh.test",
            "password1": "Tari-gandrung-2024",
            "password2": "Tari-gandrung-2024",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/akun/confirm-email/"
    user = User.objects.get(email="komang@contoh.test")
    assert (user.first_name, user.last_name) == ("Komang", "Ayu")
    assert not EmailAddress.objects.get(user=user).verified

    # Not verified yet: login sends the visitor back to the verification notice.
    client.logout()
    response = client.post("/akun/login/", {"login": "komang@contoh.test", "password": "Tari-gandrung-2024"})
    assert response.status_code == 302
    assert response["Location"] == "/akun/confirm-email/"

    assert len(mail.outbox) == 1  # allauth does not resend within its cooldown
    assert mail.outbox[0].subject.startswith("[Pusat Pelatihan]")
    confirm_url = link_in(mail.outbox[0])
    path = confirm_url.split("testserver", 1)[-1]
    page = client.get(path)
    assert page.status_code == 200
    assert "Konfirmasi" in page.content.decode()
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/saya/").status_code == 200


@pytest.mark.django_db
def test_login_lands_in_the_member_area(client, user_factory):
    user_factory(email="anggota@contoh.test")
    response = client.post("/akun/login/", {"login": "ANGGOTA@contoh.test", "password": "rahasia-123"})
    assert response.status_code == 302
    assert response["Location"] == "/saya/"


@pytest.mark.django_db
def test_wrong_password_shows_an_error_summary(client, user_factory):
    user_factory(email="anggota@contoh.test")
    response = client.post("/akun/login/", {"login": "anggota@contoh.test", "password": "salah"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert "tidak tepat" in body or "tidak benar" in body or "salah" in body


@pytest.mark.django_db
def test_password_reset_by_email(client, user_factory):
    user_factory(email="lupa@contoh.test")
    response = client.post("/akun/password/reset/", {"email": "lupa@contoh.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_path = link_in(mail.outbox[0]).split("testserver", 1)[-1]
    response = client.get(reset_path)
    assert response.status_code == 302  # allauth moves the key into the session
    form_path = response["Location"]
    response = client.post(form_path, {"password1": "Kata-baru-yang-aman-7", "password2": "Kata-baru-yang-aman-7"})
    assert response.status_code == 302
    assert User.objects.get(email="lupa@contoh.test").check_password("Kata-baru-yang-aman-7")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/akun/signup/", "/akun/login/", "/admin/login/"])
def test_the_password_is_called_kata_sandi_everywhere(client, url):
    # /admin/login/ hands over to allauth's sign-in page: follow it there.
    body = client.get(url, follow=True).content.decode()
    assert "Kata sandi" in body or "kata sandi" in body
    assert "kata kunci" not in body.lower()
