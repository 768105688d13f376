"""Issue 14: the PDF resource policy. Refused means refused; only static folders and public media are roots."""

import io
import uuid
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from django.conf import settings

from portal import pdf


def _png(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 40), (200, 30, 30)).save(path, "PNG")
    return path


def _images(pdf_bytes):
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


@pytest.mark.parametrize(
    "uri",
    [
        "file:///etc/passwd",
        "/etc/passwd",
        "manage.py",
        "http://127.0.0.1:1/x.png",
        "static:../manage.py",
        "media:../private/x.png",
    ],
)
def test_a_refused_resource_is_never_handed_back_to_the_renderer(uri):
    assert pdf.resolve_resource(uri) == pdf.REFUSED


def test_the_project_directory_and_private_files_are_no_root():
    roots = {Path(root).resolve() for root in pdf.resource_policy().roots}
    assert Path(settings.BASE_DIR).resolve() not in roots
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() not in roots
    assert Path(settings.MEDIA_ROOT).resolve() in roots


def test_a_file_under_the_project_is_not_drawn_into_a_pdf():
    secret = _png(Path(settings.BASE_DIR) / "tests" / "artifacts" / f"secret-{uuid.uuid4().hex}.png")
    try:
        html = f'<html><body><p>Surat</p><img src="{secret}" width="40" height="40"></body></html>'
        assert _images(pdf.html_to_pdf(html)) == 0
    finally:
        secret.unlink()


def test_public_media_images_still_render():
    image = _png(Path(settings.MEDIA_ROOT) / "tests" / f"logo-{uuid.uuid4().hex}.png")
    try:
        name = image.relative_to(settings.MEDIA_ROOT)
        html = f'<html><body><p>Surat</p><img src="media:{name}" width="40" height="40"></body></html>'
        assert _images(pdf.html_to_pdf(html)) == 1
    finally:
        image.unlink()
