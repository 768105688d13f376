"""Logins are throttled per client behind the proxy, and every login goes through allauth.

Behind nginx every request reaches Django from 127.0.0.1; the client is the address nginx
appends to X-Forwarded-For. One attacker's failures must lock out that attacker only.
"""

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from tests.security.conftest import via_proxy

ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"
PASSWORD = "Tari-kecak-2024"


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
