import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.urls import reverse

from accounts import roles
from certificates import services
from certificates.factories import passed_enrolment
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def owner(user_factory):
    return user_factory(email="ayu@contoh.test")


@pytest.fixture
def certificate(course, default_template, owner):
    enrolment = passed_enrolment(course, user=owner)
    return services.issue_certificate(enrolment, notify=False)[0]


@pytest.fixture
def officer(user_factory):
    return user_factory(email="petugas@contoh.test", roles=[roles.ADMIN_OFFICER])


def streamed(response):
    return b"".join(response.streaming_content)


def test_owner_downloads_a_pdf_that_is_stored_privately(client, owner, certificate):
    client.force_login(owner)
    response = client.get(certificate.get_download_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(streamed(response))).pages[0].extract_text()
    assert certificate.number in text and "Tari Gandrung untuk Pemula" in text
    certificate.refresh_from_db()
    assert certificate.pdf.name.startswith("certificates/")
    assert storages["private"].exists(certificate.pdf.name)
    assert not (Path(settings.MEDIA_ROOT) / certificate.pdf.name).exists()


def test_other_users_and_anonymous_cannot_download(client, user_factory, certificate):
    response = client.get(certificate.get_download_url())
    assert response.status_code == 302 and "/akun/" in response["Location"]
    client.force_login(user_factory(email="orang.lain@contoh.test"))
    assert client.get(certificate.get_download_url()).status_code == 404
    assert client.get(reverse("certificates:download", args=[999999])).status_code == 404


def test_revoked_certificate_is_not_served_to_its_owner_but_to_staff(client, owner, officer, certificate):
    services.revoke(certificate, officer, "Dicabut")
    client.force_login(owner)
    assert client.get(certificate.get_download_url()).status_code == 404
    client.force_login(officer)
    assert client.get(certificate.get_download_url()).status_code == 200


@pytest.mark.parametrize("status", ["valid", "revoked", "replaced"])
def test_verification_page(client, certificate, officer, status):
    if status == "revoked":
        services.revoke(certificate, officer, "Data peserta tidak benar")
    elif status == "replaced":
        new = services.reissue(
            certificate, officer, "Salah nama", holder_name="Ni Luh Putu Ayu Saraswati Devi", notify=False
        )
    response = client.get(certificate.get_verify_path())
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-status="{status}"' in html
    assert certificate.number in html and "Tari Gandrung untuk Pemula" in html
    assert "Ni L*** P*** A*** S*** D***" in html
    participant = certificate.enrolment.participant
    assert participant.full_name not in html
    assert participant.nik not in html and participant.email not in html and participant.phone not in html
    if status == "revoked":
        assert "Data peserta tidak benar" in html
    if status == "replaced":
        assert new.get_verify_path() in html


def test_unknown_and_malformed_codes_get_the_same_page_shape(client, certificate):
    for code in ["ABCD-EFGH-JKMN-PQRS", "<script>", "x" * 30]:
        response = client.get(reverse("certificates:verify", args=[code]))
        html = response.content.decode()
        assert response.status_code == 200
        assert 'data-status="not-found"' in html and 'class="summary-list"' in html
        assert "<script>" not in html.split("<main", 1)[-1] or "&lt;script&gt;" in html


def test_code_form_normalises_and_redirects(client, certificate):
    typed = certificate.verification_code.replace("-", " ").lower()
    response = client.get(reverse("certificates:verify_form"), {"code": typed})
    assert response.status_code == 302 and response["Location"] == certificate.get_verify_path()
    response = client.get(reverse("certificates:verify_form"), {"code": "pendek"})
    assert response.status_code == 200 and "16" in response.content.decode()


def test_verification_is_rate_limited(client, certificate):
    url = certificate.get_verify_path()
    statuses = [client.get(url).status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429


def test_member_area_lists_my_certificates(client, owner, certificate):
    client.force_login(owner)
    html = client.get("/saya/").content.decode()
    assert certificate.number in html and certificate.get_download_url() in html


def test_staff_issue_zip_and_combined_pdf_for_a_class(client, course, default_template, officer):
    names = ["Ayu", "Budi Santoso", "Ṣalāḥ Nguyễn"]
    for name in names:
        passed_enrolment(course, full_name=name)
    failed = passed_enrolment(course, full_name="Tidak Lulus")
    type(failed).objects.filter(pk=failed.pk).update(result="failed")
    client.force_login(officer)
    url = reverse("certificate-classes:course", args=[course.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Tidak Lulus" not in page.content.decode()
    ids = [e.pk for e in course.enrolments.filter(result="passed")]
    response = client.post(url, {"enrolments": ids})
    assert response.status_code == 302
    assert Certificate.objects.valid().filter(course=course).count() == 3

    response = client.get(reverse("certificate-classes:course_zip", args=[course.pk]))
    assert response.status_code == 200 and response.streaming
    archive = zipfile.ZipFile(io.BytesIO(streamed(response)))
    assert archive.testzip() is None
    assert len(archive.namelist()) == 3
    texts = [PdfReader(io.BytesIO(archive.read(n))).pages[0].extract_text() for n in archive.namelist()]
    for name in names:
        assert any(name in " ".join(t.split()) for t in texts)

    response = client.get(reverse("certificate-classes:course_pdf", args=[course.pk]))
    assert response.status_code == 200 and response.streaming
    combined = PdfReader(io.BytesIO(streamed(response)), strict=True)
    assert len(combined.pages) == 3
    assert "Budi Santoso" in " ".join(p.extract_text() for p in combined.pages)


def test_bulk_outputs_need_the_certificate_permission(client, course, user_factory, certificate):
    client.force_login(user_factory(email="instruktur@contoh.test", roles=[roles.INSTRUCTOR]))
    for name in ("course", "course_zip", "course_pdf"):
        response = client.get(reverse(f"certificate-classes:{name}", args=[course.pk]))
        assert response.status_code in (302, 403)


def test_staff_revoke_and_reissue_in_the_admin(client, officer, certificate):
    client.force_login(officer)
    url = reverse("certificate-register:inspect", args=[certificate.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "reissue", "reissue-holder_name": "Ni Luh Ayu", "reissue-reason": ""})
    assert response.status_code == 200  # the form comes back with its error
    response = client.post(url, {"action": "reissue", "reissue-holder_name": "Ni Luh Ayu", "reissue-reason": "Nama"})
    new = Certificate.objects.get(replaces=certificate)
    assert response.status_code == 302 and new.holder_name == "Ni Luh Ayu"
    new_url = reverse("certificate-register:inspect", args=[new.pk])
    client.post(new_url, {"action": "revoke", "revoke-reason": "Dibatalkan"})
    new.refresh_from_db()
    assert new.status == Certificate.Status.REVOKED
    assert client.get(reverse("certificate-register:index"), {"revoked": "true"}).status_code == 200
    assert client.get(reverse("certificate-register:add")).status_code in (302, 403)
