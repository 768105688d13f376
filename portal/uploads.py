"""Upload checks by content, not by name: the first bytes, the size, and for images a full decode.

Every public form that accepts files uses these validators; files that pass are stored
in private storage and streamed only through permission-checked views.
"""

import io
import os
import uuid

import filetype
from PIL import Image, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
DOCUMENT_TYPES = {"application/pdf": "pdf", **IMAGE_TYPES}
MAX_IMAGE_PIXELS = 40_000_000
#: Spellings of an extension that name the same detected type (kept when the uploader used them).
SAME_TYPE_EXTENSIONS = {"jpg": {"jpg", "jpeg"}}
#: Extensions a stored file may carry; any other name part of an upload is dropped.
STORED_EXTENSIONS = {*DOCUMENT_TYPES.values(), "jpeg", "xlsx", "csv", "docx", "odt", "ods"}


def sniff(uploaded):
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        # filetype does not know every PDF variant; the header is definitive.
        if head.lstrip()[:5] == b"%PDF-":
            return "application/pdf"
        return None
    return kind.mime


def _check_size(uploaded, max_bytes):
    if uploaded.size is not None and uploaded.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")


def _verify_image(uploaded):
    try:
        with Image.open(uploaded) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="image_bomb")
            image.verify()
    except Image.DecompressionBombError:
        raise ValidationError(_("The image has too many pixels."), code="image_bomb")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("The image is damaged or not really an image."), code="bad_image")
    finally:
        uploaded.seek(0)


def _verify_pdf(uploaded):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(uploaded)
        if reader.is_encrypted:
            raise ValidationError(_("Password-protected PDF files cannot be accepted."), code="encrypted_pdf")
        if len(reader.pages) < 1:
            raise ValidationError(_("The PDF has no pages."), code="bad_pdf")
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ValidationError(_("The PDF is damaged or not really a PDF."), code="bad_pdf")
    finally:
        uploaded.seek(0)


def validate_upload(uploaded, allowed=DOCUMENT_TYPES, max_bytes=5 * MB):
    """Return the detected MIME type, or raise a ValidationError with a message for the user."""
    _check_size(uploaded, max_bytes)
    mime = sniff(uploaded)
    if mime not in allowed:
        names = ", ".join(sorted({ext.upper() for ext in allowed.values()}))
        raise ValidationError(
            _("This type of file is not accepted. Please upload %(types)s."),
            params={"types": names},
            code="bad_type",
        )
    if mime in IMAGE_TYPES:
        _verify_image(uploaded)
    elif mime == "application/pdf":
        _verify_pdf(uploaded)
    _name_by_type(uploaded, allowed[mime])
    return mime


def name_for_type(name, extension):
    """``name`` with the extension of the detected type: ``bukti.html`` holding a PDF becomes ``bukti.pdf``."""
    stem, current = os.path.splitext(os.path.basename(name or ""))
    if current.lower().lstrip(".") in SAME_TYPE_EXTENSIONS.get(extension, {extension}):
        return os.path.basename(name)
    return f"{stem or 'berkas'}.{extension}"


def _name_by_type(uploaded, extension):
    """Give the upload the extension of its detected type before it is stored (never the uploader's)."""
    name = getattr(uploaded, "name", None)
    fixed = name_for_type(name, extension)
    if name and fixed != os.path.basename(name):
        uploaded.name = fixed


class FileValidator:
    """Model/form field validator: ``validators=[FileValidator(IMAGE_TYPES, 2 * MB)]``."""

    def __init__(self, allowed=DOCUMENT_TYPES, max_bytes=5 * MB):
        self.allowed = allowed
        self.max_bytes = max_bytes

    def __call__(self, value):
        if getattr(value, "_committed", True) and not hasattr(value, "content_type"):
            return  # a file already stored and checked earlier
        validate_upload(value, self.allowed, self.max_bytes)

    def __eq__(self, other):
        return isinstance(other, FileValidator) and (self.allowed, self.max_bytes) == (other.allowed, other.max_bytes)

    def deconstruct(self):
        return ("portal.uploads.FileValidator", [], {"allowed": self.allowed, "max_bytes": self.max_bytes})


def reencode_image(uploaded, max_side=1600, quality=85):
    """Decode and re-encode a photo as JPEG: strips metadata and anything hidden after the image data."""
    uploaded.seek(0)
    with Image.open(uploaded) as image:
        image = image.convert("RGB")
        image.thumbnail((max_side, max_side))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True)
    size = buffer.tell()
    buffer.seek(0)
    name = f"{uuid.uuid4().hex}.jpg"
    return InMemoryUploadedFile(buffer, None, name, "image/jpeg", size, None)


def random_name(instance, filename):
    """upload_to helper: never keep the uploader's file name on disk.

    The extension is the one :func:`validate_upload` gave the file from its detected type; one
    outside the known types (``.html``, ``.svg``) is never stored.
    """
    ext = os.path.splitext(filename)[1].lower()
    if ext.lstrip(".") not in STORED_EXTENSIONS:
        ext = ".bin"
    return f"{instance._meta.app_label}/{instance._meta.model_name}/{uuid.uuid4().hex}{ext}"
