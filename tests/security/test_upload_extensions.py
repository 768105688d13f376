"""Issue 14: stored uploads get their extension from the detected content type, not the uploader's name."""

import io
import os

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from consultations.models import Consultation
from portal.uploads import DOCUMENT_TYPES, random_name, validate_upload
from tests.procedures.test_admin import PDF_BYTES


def _png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (0, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bukti.html", PDF_BYTES, "bukti.pdf"),
        ("foto.svg", None, "foto.png"),
        ("tanpa-ekstensi", PDF_BYTES, "tanpa-ekstensi.pdf"),
        ("scan.PDF", PDF_BYTES, "scan.PDF"),
    ],
)
def test_the_validated_upload_carries_the_detected_types_extension(name, content, expected):
    upload = SimpleUploadedFile(name, content if content is not None else _png_bytes())
    validate_upload(upload, DOCUMENT_TYPES)
    assert upload.name == expected


def test_a_stored_name_never_keeps_an_unknown_extension():
    instance = Consultation()
    assert not random_name(instance, "bukti.html").endswith(".html")
    assert random_name(instance, "surat.pdf").endswith(".pdf")


@pytest.mark.django_db
def test_a_pdf_uploaded_as_html_is_stored_as_pdf(client, user_factory):
    from django.core.cache import cache

    cache.clear()
    client.force_login(user_factory())
    response = client.post(
        reverse("consultations:ask"),
        {
            "applicant_name": "Siti Aminah",
            "applicant_email": "siti@contoh.test",
            "training": "Pemasaran",
            "subject": "Toko sepi",
            "question": "Bagaimana?",
            "consent": "on",
            "attachment": SimpleUploadedFile("bukti.html", PDF_BYTES, content_type="text/html"),
        },
    )
    assert response.status_code == 302
    stored = Consultation.objects.get().attachment
    assert os.path.splitext(stored.name)[1] == ".pdf"
    download = client.get(reverse("consultations:download", args=[Consultation.objects.get().pk, "attachment"]))
    assert download["Content-Type"] == "application/pdf"
