import csv
import datetime
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from accounts import roles
from form_pages.forms import HONEYPOT_FIELD
from form_pages.models import FormPage, FormPageSubmission, FormUpload, SubmissionArchive
from home.models import HomePage

pytestmark = pytest.mark.django_db


def _data(**extra):
    return {"nama_lengkap": "Ahmad Rofiq", "email": "rofiq@contoh.test", "pesan": "Saya ingin belajar batik.", **extra}


def _post(client, page, data, files=None, **kwargs):
    payload = {**data, **(files or {})}
    return client.post(page.url, payload, **kwargs)


def test_form_page_is_built_from_the_editors_fields_with_an_upload(client, upload_form):
    html = client.get(upload_form.url).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="contoh_karya"' in html
    assert f'name="{HONEYPOT_FIELD}"' in html
    assert FormPage.can_create_at(HomePage.objects.first())


def test_upload_is_checked_stored_privately_and_linked(
    client, upload_form, pdf_bytes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            upload_form,
            _data(),
            {"contoh_karya": SimpleUploadedFile("karya saya.pdf", pdf_bytes, "application/pdf")},
        )
    assert response.status_code == 302
    assert response["Location"].endswith("/daftar-minat/terkirim/")
    submission = FormPageSubmission.objects.get()
    upload = FormUpload.objects.get()
    assert upload.submission == submission
    assert upload.original_name == "karya saya.pdf"
    assert upload.content_type == "application/pdf"
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / upload.file.name
    assert stored.read_bytes() == pdf_bytes
    assert "karya saya" not in upload.file.name  # never the uploader's file name on disk
    assert submission.get_data()["contoh_karya"] == upload.full_url
    with pytest.raises(ValueError):
        _url = upload.file.url  # private storage has no public address


def test_a_disguised_file_is_refused_and_nothing_typed_is_lost(client, upload_form):
    fake = SimpleUploadedFile("karya.pdf", b"MZ\x90\x00 this is an executable", "application/pdf")
    response = _post(client, upload_form, _data(), {"contoh_karya": fake})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jenis berkas ini tidak diterima" in html
    assert 'value="Ahmad Rofiq"' in html
    assert FormPageSubmission.objects.count() == 0
    assert FormUpload.objects.count() == 0


def test_uploaded_files_are_served_only_to_staff_who_may_read_the_forms(client, upload_form, pdf_bytes, user_factory):
    _post(client, upload_form, _data(), {"contoh_karya": SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf")})
    url = FormUpload.objects.get().get_absolute_url()

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/akun/login/" in anonymous["Location"]
    client.force_login(user_factory(email="warga@contoh.test"))
    assert client.get(url).status_code == 403
    client.force_login(user_factory(email="petugas@contoh.test", roles=[roles.ADMIN_OFFICER]))
    assert client.get(url).status_code == 403
    client.force_login(user_factory(email="editor@contoh.test", roles=[roles.EDITOR]))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]


def test_honeypot_submission_is_dropped_silently(client, upload_form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, upload_form, _data(**{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 302
    assert FormPageSubmission.objects.count() == 0
    assert mail.outbox == []


def test_anonymous_visitors_are_rate_limited_but_members_are_not(client, upload_form, user_factory, settings):
    settings.FORM_PAGES_RATE_LIMIT = (2, 600)
    assert _post(client, upload_form, _data()).status_code == 302
    assert _post(client, upload_form, _data()).status_code == 302
    response = _post(client, upload_form, _data(nama_lengkap="Ketiga"))
    assert response.status_code == 429
    assert "Terlalu banyak" in response.content.decode()
    assert 'value="Ketiga"' in response.content.decode()
    assert FormPageSubmission.objects.count() == 2

    client.force_login(user_factory(email="anggota@contoh.test"))
    assert _post(client, upload_form, _data()).status_code == 302
    assert FormPageSubmission.objects.count() == 3


def test_confirmation_never_echoes_what_the_visitor_typed(client, upload_form, django_capture_on_commit_callbacks):
    lure = "Klik http://phishing.example untuk hadiah"
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, upload_form, _data(nama_lengkap=lure, email="korban@contoh.test", pesan=lure))
    confirmation = next(message for message in mail.outbox if message.to == ["korban@contoh.test"])
    office = next(message for message in mail.outbox if message.to == ["kantor@contoh.test"])
    assert "phishing" not in confirmation.body and "phishing" not in confirmation.subject
    assert "Kami kabari saat kelas dibuka." in confirmation.body
    submission = FormPageSubmission.objects.get()
    assert f"#{submission.pk}" in confirmation.body
    assert lure in office.body  # the office's own copy carries the content


def test_confirmations_to_one_address_are_capped(client, upload_form, settings, django_capture_on_commit_callbacks):
    settings.FORM_PAGES_RATE_LIMIT = (100, 600)
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(5):
            _post(client, upload_form, _data(email="target@contoh.test"))
    assert sum(1 for message in mail.outbox if message.to == ["target@contoh.test"]) == 3
    assert FormPageSubmission.objects.count() == 5


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_admin_export_is_formula_safe(client, upload_form, export, user_factory):
    dangerous = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tdata", "\rdata"]
    for text in dangerous:
        FormPageSubmission.objects.create(
            page=upload_form, form_data={"nama_lengkap": text, "email": "a@contoh.test", "pesan": "aman"}
        )
    client.force_login(user_factory(email="editor@contoh.test", roles=[roles.EDITOR]))
    response = client.get(f"/admin/forms/submissions/{upload_form.pk}/", {"export": export})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
        names = [row[1] for row in rows[1:]]
    else:
        sheet = load_workbook(io.BytesIO(content)).active
        names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted("'" + text for text in dangerous)
    assert "aman" in (content.decode("utf-8") if export == "csv" else str(list(sheet.values)))


def test_submission_list_links_uploaded_files(client, upload_form, pdf_bytes, user_factory):
    _post(client, upload_form, _data(), {"contoh_karya": SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf")})
    client.force_login(user_factory(email="editor@contoh.test", roles=[roles.EDITOR]))
    html = client.get(f"/admin/forms/submissions/{upload_form.pk}/").content.decode()
    assert f'href="{FormUpload.objects.get().full_url}"' in html


def _old_submission(page, days, pdf_bytes=None):
    submission = FormPageSubmission.objects.create(
        page=page, form_data={"nama_lengkap": "=Lama", "email": "lama@contoh.test", "pesan": "", "contoh_karya": ""}
    )
    FormPageSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=days)
    )
    if pdf_bytes:
        from django.core.files.base import ContentFile

        upload = FormUpload(
            page=page,
            submission=submission,
            field_name="contoh_karya",
            original_name="a.pdf",
            content_type="application/pdf",
            size=len(pdf_bytes),
        )
        upload.file.save("a.pdf", ContentFile(pdf_bytes), save=False)
        upload.save()
    return submission


def test_retention_dry_run_changes_nothing_then_archives(upload_form, pdf_bytes):
    upload_form.retention_days = 30
    upload_form.retention_action = FormPage.Retention.ARCHIVE
    upload_form.save()
    old = _old_submission(upload_form, 45, pdf_bytes)
    recent = _old_submission(upload_form, 5)
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / FormUpload.objects.get().file.name

    out = io.StringIO()
    call_command("apply_form_retention", "--dry-run", stdout=out)
    assert "1" in out.getvalue()
    assert FormPageSubmission.objects.count() == 2 and stored.exists()

    call_command("apply_form_retention", stdout=io.StringIO())
    assert list(FormPageSubmission.objects.all()) == [recent]
    assert not FormPageSubmission.objects.filter(pk=old.pk).exists()
    assert not stored.exists()
    archive = SubmissionArchive.objects.get()
    assert archive.submission_count == 1
    text = archive.file.read().decode("utf-8-sig")
    assert "'=Lama" in text  # the archive is formula-safe too


def test_retention_delete_removes_without_archive(upload_form):
    upload_form.retention_days = 10
    upload_form.retention_action = FormPage.Retention.DELETE
    upload_form.save()
    _old_submission(upload_form, 11)
    call_command("apply_form_retention", stdout=io.StringIO())
    assert FormPageSubmission.objects.count() == 0
    assert SubmissionArchive.objects.count() == 0


def test_archive_download_is_permission_checked(client, upload_form, user_factory):
    upload_form.retention_days = 1
    upload_form.save()
    _old_submission(upload_form, 3)
    call_command("apply_form_retention", stdout=io.StringIO())
    archive = SubmissionArchive.objects.get()
    url = f"/admin/form-archives/{archive.pk}/download/"
    client.force_login(user_factory(email="petugas@contoh.test", roles=[roles.ADMIN_OFFICER]))
    assert client.get(url).status_code in (302, 403)
    client.force_login(user_factory(email="editor@contoh.test", roles=[roles.EDITOR]))
    inspect = client.get(f"/admin/snippets/form_pages/submissionarchive/inspect/{archive.pk}/")
    assert inspect.status_code == 200
    assert f'href="{url}"' in inspect.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert b"Lama" in b"".join(response.streaming_content)
