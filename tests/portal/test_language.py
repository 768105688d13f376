"""Indonesian unless the visitor picks English in the header switcher; the browser's language is ignored."""

import re

import pytest

from django.conf import settings


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
def test_home_page_is_indonesian_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert html_lang(response) == "id"
    assert response["Content-Language"] == "id"
    assert "Langsung ke isi halaman" in response.content.decode()


@pytest.mark.django_db
def test_switcher_sets_english_and_returns_to_the_page(client):
    page = client.get("/akun/login/")
    assert 'href="/akun/login/?lang=en"' in page.content.decode()
    response = client.get("/akun/login/?lang=en")
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    login = client.get("/akun/login/")
    assert html_lang(login) == "en"
    assert "Skip to content" in login.content.decode()
    assert "Sign In" in login.content.decode()

    client.get("/?lang=id")
    assert html_lang(client.get("/")) == "id"


@pytest.mark.django_db
def test_the_switch_keeps_the_other_query_parameters(client):
    response = client.get("/cari/?q=kelas&lang=en&page=2")
    assert response.status_code == 302
    assert response["Location"] == "/cari/?q=kelas&page=2"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "csrftoken" not in response.cookies


@pytest.mark.django_db
def test_the_old_post_switch_still_works(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert html_lang(client.get("/")) == "en"


@pytest.mark.django_db
def test_an_unknown_language_cookie_falls_back_to_indonesian(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert html_lang(client.get("/")) == "id"


@pytest.mark.django_db
def test_responses_vary_on_the_language_cookie_when_it_was_sent(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/")
    assert "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_admin_login_is_indonesian_by_default(client):
    # The admin's login is allauth's (every login goes through it).
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/akun/login/")
    assert html_lang(response) == "id"
    assert "Masuk" in response.content.decode()
