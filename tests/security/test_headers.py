"""Response headers on public and private pages, safe redirects, and the request-size limits."""

import pytest

from django.conf import settings
from django.contrib.auth.models import Permission

from accounts import roles
from enrolment.factories import ParticipantFactory

PUBLIC = ["/", "/cari/", "/akun/login/", "/sertifikat/verifikasi/", "/permintaan-narasumber/"]


def header_policy(response):
    return dict(
        part.strip().split(" ", 1) if " " in part.strip() else (part.strip(), "")
        for part in response["Content-Security-Policy"].split(";")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_send_a_strict_content_security_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = header_policy(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'", "no inline or foreign scripts on the public site"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_public_home_page_stays_cacheable_for_visitors(client):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/saya/", "/saya/profil/", "/", "/cari/"])
def test_pages_of_a_logged_in_member_are_never_stored(client, user_factory, url):
    client.force_login(user_factory())
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/akun/login/", "/akun/password/reset/", "/status/"])
def test_account_and_status_pages_are_never_stored(client, url):
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy_and_no_store(client, user_factory):
    client.force_login(user_factory(roles=[roles.EDITOR]))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = header_policy(response)
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://jahat.example/masuk", "/peserta/staf/"),
        ("//jahat.example/masuk", "/peserta/staf/"),
        ("/peserta/staf/kelas/1/", "/peserta/staf/kelas/1/"),
    ],
)
def test_resend_claim_only_redirects_within_the_site(client, user_factory, target, expected):
    client.force_login(user_factory(roles=[roles.ADMIN_OFFICER]))
    participant = ParticipantFactory(user=None)
    response = client.post(f"/peserta/staf/peserta/{participant.pk}/klaim/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_a_request_with_thousands_of_fields_is_refused(client):
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 2_000
    # The largest admin form: a group with every permission ticked, plus its page and collection rows.
    assert Permission.objects.count() + 200 < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    fields = {f"f{number}": "x" for number in range(2_500)}
    response = client.post("/akun/login/", fields)
    assert response.status_code == 400


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_admin_and_the_site_work_under_their_policies(browser_page, live_server, login_in_browser, user_factory):
    """A real browser reports every Content-Security-Policy violation on the console."""
    from home.models import HomePage

    violations = []
    browser_page.on(
        "console",
        lambda message: (
            violations.append(f"{browser_page.url}: {message.text}")
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    home = HomePage.objects.first()
    admin = user_factory(is_superuser=True, is_staff=True)
    login_in_browser(browser_page, admin)
    for url in ["/", "/kelas/", "/admin/", f"/admin/pages/{home.pk}/edit/", "/admin/images/", "/admin/users/"]:
        browser_page.goto(url)
        browser_page.wait_for_load_state("load")
    # The page editor's fields and side panels are drawn by the admin's scripts.
    browser_page.goto(f"/admin/pages/{home.pk}/edit/")
    browser_page.locator("#id_title").wait_for()
    assert browser_page.locator("#id_title").input_value() == home.title
    assert not violations, "\n".join(violations)
