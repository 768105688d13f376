"""PDF rendering with xhtml2pdf for letters, certificates and reports.

Only three kinds of resource may be loaded while rendering: ``data:`` URIs (QR codes),
``static:NAME`` (files from the project's static folders: fonts, letterhead art) and
``media:NAME`` (public images such as the office logo, resolved inside MEDIA_ROOT).
Everything else — remote URLs, ``file:`` paths, paths outside those folders — is refused,
so user-supplied text can never make the renderer fetch anything.
"""

import base64
import io
import logging
from pathlib import Path

import segno
from PIL import Image
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class PDFRenderError(Exception):
    pass


def _inside(base: Path, candidate: Path) -> bool:
    try:
        candidate.resolve().relative_to(base.resolve())
    except ValueError:
        return False
    return True


def resolve_resource(uri, rel=None):
    """xhtml2pdf link callback: map our URI schemes to local files; refuse anything else."""
    if uri.startswith("data:"):
        return uri
    if uri.startswith("static:"):
        try:
            found = finders.find(uri[len("static:") :])
        except SuspiciousFileOperation:
            found = None
        if found and any(_inside(Path(root), Path(found)) for root in _static_roots()):
            return found
    elif uri.startswith("media:"):
        path = Path(settings.MEDIA_ROOT) / uri[len("media:") :]
        if _inside(Path(settings.MEDIA_ROOT), path) and path.is_file():
            return str(path)
    logger.warning("PDF renderer refused resource %r", uri[:200])
    return ""


def _static_roots():
    roots = [Path(p) for p in settings.STATICFILES_DIRS]
    roots.append(Path(settings.BASE_DIR))
    return roots


def resource_policy():
    """xhtml2pdf's own guard, behind our link callback: no network at all, local reads only inside
    the project, the static folders and MEDIA_ROOT (which may live outside the project)."""
    roots = tuple(Path(p).resolve() for p in [*settings.STATICFILES_DIRS, settings.MEDIA_ROOT])
    return ResourceAccessPolicy.server(
        Path(settings.BASE_DIR).resolve(), extra_roots=roots, allow_remote=False, max_image_pixels=40_000_000
    )


def html_to_pdf(html: str, default_css: str | None = None) -> bytes:
    """Render HTML to PDF bytes; ``default_css`` replaces xhtml2pdf's long default stylesheet
    (parsing it is a third of a small document's render time)."""
    buffer = io.BytesIO()
    options = {"default_css": default_css} if default_css is not None else {}
    result = pisa.CreatePDF(
        html,
        dest=buffer,
        link_callback=resolve_resource,
        encoding="utf-8",
        resource_policy=resource_policy(),
        **options,
    )
    if result.err:
        raise PDFRenderError(f"xhtml2pdf reported {result.err} error(s)")
    return buffer.getvalue()


def render_pdf(template_name: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template_name, context))


def qr_data_uri(text: str, scale: int = 4, border: int = 2) -> str:
    """A QR code as a PNG data URI, drawn with Pillow from segno's module matrix.

    segno's own PNG writer is pure Python (about 50 ms a code); drawing the matrix is under 1 ms.
    """
    matrix = segno.make(text, error="m").matrix
    size = len(matrix) + 2 * border
    image = Image.new("1", (size, size), 1)
    pixels = image.load()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + border, y + border] = 0
    image = image.resize((size * scale, size * scale), Image.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
