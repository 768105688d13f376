"""Logins are throttled per client behind the proxy, and every login goes through allauth.

Behind nginx every request reaches Django from 127.0.0.1; the client is the address nginx
appends to X-Forwarded-For. One attacker's failures must lock out that attacker only.
"""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from accounts import roles
from accounts.models import User
from tests.security.conftest import via_proxy

ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"
PASSWORD = "Tari-kecak-2024"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def member(db):
    user = User.objects.create_user("sari@contoh.test", PASSWORD, first_name="Sari")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def throttled(response):
    """allauth answers a throttled login with the form again and its 'too many attempts' error."""
    if response.status_code == 429:
        return True
    form = response.context and response.context.get("form")
    errors = form.errors.as_data().get("__all__", []) if form else []
    return any(error.code == "too_many_login_attempts" for error in errors)


def failed_logins(client, count, address, forged=""):
    """``count`` wrong logins with different made-up emails; True for each one that was throttled."""
    results = []
    for number in range(count):
        response = client.post(
            "/akun/login/",
            {"login": f"tebak{number}@contoh.test", "password": "salah-sekali"},
            **via_proxy(address, forged=f"{forged}{number}" if forged else ""),
        )
        results.append(throttled(response))
    return results


@pytest.mark.django_db
def test_one_clients_failed_logins_do_not_block_another_client(client, behind_proxy, member):
    results = failed_logins(client, 12, ATTACKER)
    assert not results[0]
    assert results[-1], "the attacker is throttled"

    response = client.post("/akun/login/", {"login": member.email, "password": PASSWORD}, **via_proxy(VICTIM))
    assert response.status_code == 302
    assert response["Location"] == "/saya/"
    assert client.session.get("_auth_user_id") == str(member.pk)


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_escape_the_throttle(client, behind_proxy, member):
    # The attacker writes a new address into X-Forwarded-For on every try; nginx appends the real one.
    results = failed_logins(client, 12, ATTACKER, forged="10.9.8.")
    assert results[-1]

    response = client.post("/akun/login/", {"login": member.email, "password": PASSWORD}, **via_proxy(ATTACKER))
    assert throttled(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_portal_limits_count_the_forwarded_client(client, behind_proxy):
    from certificates.views import VERIFY_LIMIT

    for _ in range(VERIFY_LIMIT + 1):
        last = client.get("/sertifikat/verifikasi/AAAA-BBBB-CCCC/", **via_proxy(ATTACKER))
    assert last.status_code == 429
    assert client.get("/sertifikat/verifikasi/AAAA-BBBB-CCCC/", **via_proxy(VICTIM)).status_code == 200


def test_client_ip_reads_the_trusted_hop_only(rf, settings):
    from portal.clientip import client_ip

    settings.PORTAL_TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "127.0.0.1", "no trusted proxy: the header is ignored"

    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4")
    assert client_ip(request) == "1.2.3.4"
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="bukan-alamat")
    assert client_ip(request) == "127.0.0.1"
    request = rf.get("/", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "127.0.0.1"

    settings.PORTAL_TRUSTED_PROXY_COUNT = 2
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4, 10.0.0.1")
    assert client_ip(request) == "1.2.3.4"


# --- Every login goes through allauth --------------------------------------------------------


def staff_user(email="petugas@contoh.test", role=roles.ADMIN_OFFICER, verified=True, totp=False):
    user = User.objects.create_user(email, PASSWORD, first_name="Dewi", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if totp:
        TOTP.activate(user, SECRET)
        RecoveryCodes.activate(user)
    return user


def totp_now():
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.fixture
def mfa_on(settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = True
    return settings


@pytest.mark.django_db
def test_django_admin_is_not_mounted(client):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


@pytest.mark.django_db
def test_the_wagtail_login_hands_over_to_allauth(client):
    staff = staff_user()
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/?next=%2Fadmin%2Fpages%2F"
    # Posting credentials to the old form logs nobody in.
    response = client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    # An unauthenticated visit to the admin goes to allauth's login.
    response = client.get("/admin/")
    assert response["Location"].startswith("/akun/login/")


@pytest.mark.django_db
def test_the_admin_login_passes_on_only_safe_next_urls(client):
    response = client.get("/admin/login/?next=https://jahat.example/curi")
    assert response["Location"] == "/akun/login/?next=%2Fadmin%2F"


@pytest.mark.django_db
def test_staff_logins_are_throttled_per_account(client, behind_proxy):
    staff = staff_user()
    # Five wrong passwords for one account, even from five addresses, then the right one: refused.
    for number in range(5):
        client.post("/akun/login/", {"login": staff.email, "password": "salah"}, **via_proxy(f"203.0.113.{number}"))
    response = client.post("/akun/login/", {"login": staff.email, "password": PASSWORD}, **via_proxy(VICTIM))
    assert throttled(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_unverified_email_cannot_log_in_anywhere(client):
    staff = staff_user(verified=False)
    response = client.post("/akun/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/akun/confirm-email/"
    assert "_auth_user_id" not in client.session
    client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_admin_password_reset_is_allauths_and_throttled(client):
    staff = staff_user()
    response = client.get("/admin/password_reset/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/password/reset/"
    client.post("/admin/password_reset/", {"email": staff.email})
    assert len(mail.outbox) == 0
    for _ in range(10):
        client.post("/akun/password/reset/", {"email": staff.email})
    assert 1 <= len(mail.outbox) <= 5


# --- A second factor for every staff role ----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", roles.STAFF_ROLES + roles.LICENSING_ROLES)
def test_every_staff_role_must_set_up_totp_before_anything_else(client, mfa_on, role):
    staff = staff_user(role=role)
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/2fa/totp/activate/"
    assert client.get("/saya/")["Location"] == "/akun/2fa/totp/activate/"


@pytest.mark.django_db
def test_a_member_needs_no_second_factor(client, mfa_on, member):
    client.force_login(member)
    assert client.get("/saya/").status_code == 200


@pytest.mark.django_db
def test_staff_set_up_totp_after_logging_in_then_reach_the_admin(client, mfa_on):
    staff = staff_user()
    response = client.post("/akun/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/")["Location"] == "/akun/2fa/totp/activate/"
    # allauth asks for the password again before a second factor is added.
    assert client.get("/akun/2fa/totp/activate/")["Location"].startswith("/akun/reauthenticate/")
    client.post("/akun/reauthenticate/", {"password": PASSWORD})
    page = client.get("/akun/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/akun/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_staff_login_asks_for_the_authenticator_code(client, mfa_on):
    staff = staff_user(totp=True)
    response = client.post("/akun/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/akun/2fa/authenticate/"
    assert "_auth_user_id" not in client.session, "the password alone logs nobody in"
    response = client.post("/akun/2fa/authenticate/", {"code": "000000" if totp_now() != "000000" else "111111"})
    assert "_auth_user_id" not in client.session
    response = client.post("/akun/2fa/authenticate/", {"code": totp_now()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_once(client, mfa_on):
    staff = staff_user(totp=True)
    code = RecoveryCodes(
        Authenticator.objects.get(user=staff, type=Authenticator.Type.RECOVERY_CODES)
    ).generate_codes()[0]
    client.post("/akun/login/", {"login": staff.email, "password": PASSWORD})
    client.post("/akun/2fa/authenticate/", {"code": code})
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert client.get("/admin/").status_code == 200

    other = Client()
    other.post("/akun/login/", {"login": staff.email, "password": PASSWORD})
    other.post("/akun/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in other.session, "a used recovery code is spent"


@pytest.mark.django_db
def test_staff_cannot_switch_their_second_factor_off(client, mfa_on):
    staff = staff_user(totp=True)
    client.post("/akun/login/", {"login": staff.email, "password": PASSWORD})
    client.post("/akun/2fa/authenticate/", {"code": totp_now()})
    client.post("/akun/2fa/totp/deactivate/", {})
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()


@pytest.mark.django_db
def test_staff_sessions_end_after_thirty_idle_minutes(client, member):
    staff = staff_user()
    client.force_login(staff)
    client.get("/admin/")
    assert client.session.get_expiry_age() == 30 * 60
    client.force_login(member)
    client.get("/saya/")
    assert client.session.get_expiry_age() > 24 * 3600
