"""The person's rights in /saya/privasi/: download my data, erase my account, consent per notice version."""

import io
import json
import zipfile

import pytest

from django.apps import apps
from django.core import mail
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse

from certificates.factories import CertificateTemplateFactory
from certificates.services import issue_certificate
from enrolment.models import Participant
from portal.storage import private_storage
from privacy import erasure
from privacy.models import AccessLog, ConsentRecord, ErasureRequest, PrivacySettings
from tests.privacy.conftest import NIK_A, NIK_B


def complete(enrolment, instructor):
    from enrolment import services

    services.start_class(enrolment.course, instructor)
    services.open_evaluation(enrolment.course, instructor)
    enrolment.refresh_from_db()
    services.evaluate(enrolment, instructor, final_score=90)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def with_photo(in_a):
    in_a.work_photo.save("karya.jpg", ContentFile(b"\xff\xd8\xff photo of Sari's work"), save=True)
    return in_a


def zip_of(client, user):
    client.force_login(user)
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_download_my_data_has_all_and_only_mine(client, with_photo, in_b, person, instructor):
    in_b.work_photo.save("karya-budi.jpg", ContentFile(b"\xff\xd8\xff Budi's work"), save=True)
    archive = zip_of(client, person)
    data = json.loads(archive.read("data-saya.json"))
    assert data["account"]["email"] == "sari@contoh.test"
    profile = data["classes"]["profile"]
    assert profile["nik"] == NIK_A and profile["phone"] == "081234567890" and profile["disability"] == "Kursi roda"
    assert [e["class"] for e in data["classes"]["enrolments"]] == ["Kelas A Anyaman"]
    photos = [name for name in archive.namelist() if name.startswith("classes/")]
    assert len(photos) == 1 and archive.read(photos[0]).endswith(b"photo of Sari's work")
    # Nothing of the second person, anywhere in the archive.
    everything = b"".join(archive.read(name) for name in archive.namelist())
    for other in (NIK_B.encode(), b"Budi", b"085711112222", b"Kenanga", b"Budi's work"):
        assert other not in everything
    assert AccessLog.objects.filter(action="export", actor=person, person_user=person).exists()


def test_download_includes_my_certificate(client, in_a, person, instructor):
    CertificateTemplateFactory(is_default=True)
    certificate, *_rest = issue_certificate(complete(in_a, instructor), notify=False)
    archive = zip_of(client, person)
    data = json.loads(archive.read("data-saya.json"))
    assert [c["number"] for c in data["certificates"]] == [certificate.number]
    assert any(name.startswith("certificates/") and name.endswith(".pdf") for name in archive.namelist())


def all_text_in_database():
    """Every text and JSON value of every model's table, to prove a value is gone from the whole database."""
    chunks = []
    text_fields = (models.CharField, models.TextField, models.JSONField)
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, text_fields):
                values = model._base_manager.exclude(**{f"{field.attname}__isnull": True}).values_list(
                    field.attname, flat=True
                )
                chunks += [
                    json.dumps(value, ensure_ascii=False) if field.get_internal_type() == "JSONField" else str(value)
                    for value in values
                ]
    return "\n".join(chunks)


def test_erasure_leaves_no_trace_but_the_certificate_verifies(
    client, with_photo, in_b, person, instructor, superuser, django_capture_on_commit_callbacks
):
    CertificateTemplateFactory(is_default=True)
    certificate, *_rest = issue_certificate(complete(with_photo, instructor), notify=False)
    photo_name = with_photo.work_photo.name
    pdf_name = certificate.pdf.name
    assert private_storage().exists(photo_name)

    client.force_login(person)
    client.post(reverse("privacy:request_erasure"), {"confirm": "on"})
    request = ErasureRequest.objects.get(user=person, status="pending")
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy_decide_erasure", args=[request.pk]), {"decision": "erase"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "done"

    text = all_text_in_database()
    for value in (NIK_A, "081234567890", "Jl. Melati No. 7", "Kursi roda", "sari@contoh.test"):
        assert value not in text, value
    assert NIK_B in text  # the other person is untouched
    assert not private_storage().exists(photo_name)
    assert not pdf_name or not private_storage().exists(pdf_name)
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    # The certificate still verifies, with the masked name only.
    html = client.get(reverse("certificates:verify", args=[certificate.verification_code])).content.decode()
    assert "Sari D***" in html and "Sari Dewi" not in html
    # The person was told, at the address they had.
    told = [m.to for m in mail.outbox if "dihapus" in m.subject.lower() or "erased" in m.subject.lower()]
    assert told == [["sari@contoh.test"]]
    assert Participant.objects.filter(nik=NIK_B).exists()


def test_automatic_erasure_after_n_days_unless_a_legal_hold_applies(in_a, person, user_factory):
    import datetime

    from django.utils import timezone

    settings = PrivacySettings.load()
    settings.erasure_after_days = 30
    settings.save()
    held, _created = erasure.request_erasure(person)  # Sari's class is still in progress: a legal hold
    free_user = user_factory(email="tanpa.data@contoh.test")
    free, _created = erasure.request_erasure(free_user)
    ErasureRequest.objects.update(requested_at=timezone.now() - datetime.timedelta(days=31))
    due = erasure.due_requests()
    assert [r.pk for r in due] == [free.pk]
    from django.core.management import call_command

    call_command("purge_expired", stdout=io.StringIO())
    held.refresh_from_db()
    free.refresh_from_db()
    assert held.status == "pending" and free.status == "done"


def test_correcting_my_profile_is_recorded(client, in_a, person):
    from django.forms.models import model_to_dict

    client.force_login(person)
    data = {k: v for k, v in model_to_dict(in_a.participant).items() if v is not None and k not in ("id", "user")}
    data.update(phone="081299990000", consent="on")
    response = client.post(reverse("enrolment:profile"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AccessLog.objects.get(action="change", person_user=person)
    assert "phone" in entry.what and "081299990000" not in entry.what
    client.post(reverse("accounts:profile"), {"first_name": "Sari", "last_name": "Dewi Lestari", "phone": ""})
    assert AccessLog.objects.filter(action="change", person_user=person, what__contains="last_name").exists()


def test_consent_is_asked_again_after_a_material_change(client, person):
    ConsentRecord.objects.create(user=person, notice_version=1)
    client.force_login(person)
    assert client.get(reverse("accounts:member_area")).status_code == 200
    settings = PrivacySettings.load()
    settings.notice_version = 2
    settings.save()
    client.logout()
    client.force_login(person)
    response = client.get(reverse("accounts:member_area"))
    assert response.status_code == 302 and response.url.startswith(reverse("privacy:consent"))
    response = client.post(response.url, {"agree": "on"})
    assert response.status_code == 302 and response.url == reverse("accounts:member_area")
    assert ConsentRecord.objects.filter(user=person, notice_version=2).exists()
    assert client.get(reverse("accounts:member_area")).status_code == 200
