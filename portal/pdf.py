"""PDF rendering with xhtml2pdf for letters, certificates and reports.

Only three kinds of resource may be loaded while rendering: ``data:`` URIs (QR codes),
``static:NAME`` (files from the project's static folders: fonts, letterhead art) and
``media:NAME`` (public images such as the office logo, resolved inside MEDIA_ROOT).
Everything else — remote URLs, ``file:`` paths, paths outside those folders — is refused,
so user-supplied text can never make the renderer fetch anything. Refused means refused: the
callback answers with an empty ``data:`` URI (xhtml2pdf would fall back to loading the original
URI on an empty answer), and the only local roots are the static folders and the public
MEDIA_ROOT, never the project directory with its private files, database and settings.
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

#: What a refused resource becomes: an empty inline resource, never the URI that was asked for.
REFUSED = "data:,"


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
    uri = str(uri or "")
    if uri.startswith("data:"):
        return uri
    if uri.startswith("static:"):
        try:
            found = finders.find(uri[len("static:") :])
        except SuspiciousFileOperation:
            found = None
        if found and any(_inside(root, Path(found)) for root in _allowed_roots()):
            return found
    elif uri.startswith("media:"):
        path = Path(settings.MEDIA_ROOT) / uri[len("media:") :]
        if (
            Path(settings.MEDIA_ROOT) in _allowed_roots()
            and _inside(Path(settings.MEDIA_ROOT), path)
            and path.is_file()
        ):
            return str(path)
    logger.warning("PDF renderer refused resource %r", str(uri)[:200])
    return REFUSED


def _static_roots():
    """The project's static folders and the collected STATIC_ROOT; never BASE_DIR."""
    roots = [Path(p) for p in settings.STATICFILES_DIRS]
    if getattr(settings, "STATIC_ROOT", None):
        roots.append(Path(settings.STATIC_ROOT))
    return roots


def _allowed_roots():
    roots = [*_static_roots(), Path(settings.MEDIA_ROOT)]
    private = Path(getattr(settings, "PRIVATE_MEDIA_ROOT", "") or "/nonexistent-private-root")
    # A root that contains private storage would expose it; such a root is dropped.
    return [root for root in roots if not _inside(root, private)]


def resource_policy():
    """xhtml2pdf's own guard, behind our link callback: no network at all, local reads only inside
    the static folders and the public MEDIA_ROOT."""
    roots = tuple(root.resolve() for root in _allowed_roots())
    return ResourceAccessPolicy.server(
        roots[0], extra_roots=roots[1:], allow_remote=False, max_image_pixels=40_000_000
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
