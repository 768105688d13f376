import pytest

from django.test import Client


@pytest.mark.django_db
def test_unknown_address_gets_the_friendly_404_in_the_site_design(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Halaman tidak ditemukan" in body
    assert 'class="site-header"' in body
    assert 'href="/"' in body


@pytest.mark.django_db
def test_404_speaks_english_after_the_switch(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/tidak-ada-halaman-ini/")
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.portal.urls_raising")
def test_server_error_renders_the_friendly_500_without_context():
    client = Client(raise_request_exception=False)
    response = client.get("/rusak/")
    assert response.status_code == 500
    body = response.content.decode()
    assert '<html lang="id">' in body
    assert "Maaf, terjadi gangguan pada server kami" in body
    assert "/static/css/site.css" in body
    # No site settings or user menu: the template must not depend on a request context.
    assert "account_login" not in body


@pytest.mark.django_db
def test_bad_request_and_permission_denied_handlers_render(rf):
    from portal import views

    request = rf.get("/")
    request.user = __import__("django.contrib.auth.models", fromlist=["AnonymousUser"]).AnonymousUser()
    request.session = {}
    assert views.bad_request(request).status_code == 400
    assert views.permission_denied(request).status_code == 403
