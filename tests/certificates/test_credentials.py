"""Certificates as Open Badges 3.0 credentials (issue 21): signed with joserfc by the office key,
verified here with PyJWT against the published key set; baked PNG; revocation honoured;
the verification page checks uploaded credentials and signed PDFs."""

import hashlib
import io
import json

import jwt
import pytest
from PIL import Image

from django.core.cache import cache
from django.urls import reverse

from certificates import credentials, services
from certificates.factories import passed_enrolment
from portal.signing import validate_pdf
from tests.conftest import tamper

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def owner(user_factory):
    return user_factory(email="Ayu@Contoh.test")


@pytest.fixture
def certificate(course, default_template, owner, signing_key):
    enrolment = passed_enrolment(course, user=owner)
    participant = enrolment.participant
    participant.email, participant.nik = "Ayu@Contoh.test", "3510014506900003"
    participant.save()
    return services.issue_certificate(enrolment, notify=False)[0]


def published_key(client):
    keys = client.get(reverse("jwks")).json()["keys"]
    assert len(keys) == 1 and keys[0]["kty"] == "EC" and "d" not in keys[0]
    return jwt.PyJWK(keys[0], algorithm="ES256").key


def decode(token, key):
    return jwt.decode(token, key, algorithms=["ES256"], options={"verify_aud": False})


def test_credential_verifies_with_pyjwt_against_the_published_key(client, owner, certificate):
    client.force_login(owner)
    response = client.get(reverse("certificates:credential", args=[certificate.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    payload = decode(body["jwt"], published_key(client))
    assert jwt.get_unverified_header(body["jwt"])["typ"] == "vc+jwt"
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://www.w3.org/ns/credentials/v2" in payload["@context"]
    assert payload["issuer"]["id"].endswith(reverse("certificates:issuer"))
    subject = payload["credentialSubject"]
    identity = subject["identifier"][0]
    assert identity["hashed"] is True and identity["identityType"] == "emailAddress"
    expected = "sha256$" + hashlib.sha256(("ayu@contoh.test" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == expected
    assert "3510014506900003" not in body["jwt"] and "3510014506900003" not in json.dumps(payload)
    assert "Ayu@Contoh.test".lower() not in json.dumps(payload).lower()
    achievement = subject["achievement"]
    assert achievement["name"] == certificate.course_title
    assert subject["creditsEarned"] == float(certificate.hours)
    assert subject["result"] and "tag" in achievement
    assert payload["credentialStatus"]["id"].endswith(
        reverse("certificates:status", args=[certificate.verification_code])
    )


def test_a_changed_credential_does_not_verify(client, certificate):
    token = credentials.credential_jwt(certificate)
    header, payload, signature = token.split(".")
    forged = json.loads(jwt.utils.base64url_decode(payload))
    forged["credentialSubject"]["achievement"]["name"] = "Kelas lain"
    forged_payload = jwt.utils.base64url_encode(json.dumps(forged).encode()).decode()
    with pytest.raises(jwt.InvalidSignatureError):
        decode(f"{header}.{forged_payload}.{signature}", published_key(client))
    assert credentials.verify_token(f"{header}.{forged_payload}.{signature}") is None


def test_baked_png_carries_the_credential(client, owner, certificate):
    client.force_login(owner)
    response = client.get(reverse("certificates:badge", args=[certificate.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(response.content)) as image:
        token = image.text["openbadgecredential"]
    assert decode(token, published_key(client))["credentialSubject"]["achievement"]["name"] == certificate.course_title


def test_only_the_holder_downloads_the_credential(client, user_factory, certificate):
    client.force_login(user_factory(email="lain@contoh.test"))
    assert client.get(reverse("certificates:credential", args=[certificate.pk])).status_code == 404
    assert client.get(reverse("certificates:badge", args=[certificate.pk])).status_code == 404


def test_member_area_links_json_png_and_linkedin(client, owner, certificate):
    client.force_login(owner)
    html = client.get("/saya/").content.decode()
    assert reverse("certificates:credential", args=[certificate.pk]) in html
    assert reverse("certificates:badge", args=[certificate.pk]) in html
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html


def test_issuer_profile_and_status(client, certificate):
    profile = client.get(reverse("certificates:issuer")).json()
    assert profile["type"] == ["Profile"] and profile["name"] == certificate.office_name
    status_url = reverse("certificates:status", args=[certificate.verification_code])
    assert client.get(status_url).json()["revoked"] is False
    services.revoke(certificate, None, "Data peserta keliru")
    assert client.get(status_url).json()["revoked"] is True


def upload(client, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("certificates:verify_form"), {"document": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    return response.content.decode()


def test_verification_page_checks_credentials_and_reports_revocation(client, certificate):
    token = credentials.credential_jwt(certificate)
    assert 'data-status="genuine"' in upload(client, "kredensial.json", json.dumps({"jwt": token}).encode())
    assert 'data-status="genuine"' in upload(client, "lencana.png", credentials.baked_png(certificate, token))
    header, payload, signature = token.split(".")
    assert 'data-status="invalid"' in upload(client, "x.jwt", f"{header}.{payload}.{signature[:-4]}AAAA".encode())
    services.revoke(certificate, None, "Dicabut")
    assert 'data-status="revoked"' in upload(client, "kredensial.json", json.dumps({"jwt": token}).encode())


def test_signed_certificate_pdf_validates_and_breaks_when_changed(client, certificate):
    pdf = services.ensure_pdf(certificate)
    check = validate_pdf(pdf)
    assert check.valid and "Dinas Uji" in check.signer
    assert not validate_pdf(tamper(pdf)).valid
    html = upload(client, "sertifikat.pdf", pdf)
    assert 'data-status="genuine"' in html and certificate.number in html
    assert 'data-status="invalid"' in upload(client, "sertifikat.pdf", tamper(pdf))
