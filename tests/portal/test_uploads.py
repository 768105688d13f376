import io

import pytest
from PIL import Image

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MB, reencode_image, validate_upload
from tests.procedures.test_admin import PDF_BYTES


def image_bytes(fmt="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, fmt)
    return buffer.getvalue()


def upload(name, data):
    return SimpleUploadedFile(name, data)


def test_real_pdf_and_images_pass():
    assert validate_upload(upload("surat.pdf", PDF_BYTES)) == "application/pdf"
    assert validate_upload(upload("foto.jpg", image_bytes("JPEG")), IMAGE_TYPES) == "image/jpeg"
    assert validate_upload(upload("foto.webp", image_bytes("WEBP")), IMAGE_TYPES) == "image/webp"


@pytest.mark.parametrize(
    "name,data,code",
    [
        ("cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 500, "bad_type"),  # renamed executable
        ("foto.png", b"#!/bin/sh\nrm -rf /\n", "bad_type"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "bad_type"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "bad_type"),
        ("rusak.pdf", b"%PDF-1.4\nthis is not really a pdf", "bad_pdf"),
        ("kosong.pdf", b"", "empty"),
    ],
)
def test_bad_files_are_refused(name, data, code):
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, data))
    assert caught.value.code == code


def test_oversize_is_refused_before_reading():
    big = upload("besar.pdf", PDF_BYTES + b"\n%" + b"x" * (2 * MB))
    with pytest.raises(ValidationError) as caught:
        validate_upload(big, DOCUMENT_TYPES, max_bytes=1 * MB)
    assert caught.value.code == "too_large"


def test_image_bomb_is_refused():
    # A tiny file that claims 20000×20000 pixels: decoding it would need gigabytes.
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("bom.png", buffer.getvalue()), IMAGE_TYPES, max_bytes=5 * MB)
    assert caught.value.code == "image_bomb"


def test_photos_are_reencoded_without_trailing_payload():
    data = image_bytes("PNG", (3000, 2000)) + b"<?php system($_GET['c']); ?>"
    clean = reencode_image(upload("foto.png", data))
    assert clean.name.endswith(".jpg") and clean.content_type == "image/jpeg"
    payload = clean.read()
    assert b"<?php" not in payload
    with Image.open(io.BytesIO(payload)) as image:
        assert max(image.size) == 1600
