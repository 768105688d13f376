"""The certificate PDF: a cached fixed page per design, with each person's text laid over it.

A certificate has two parts. The *fixed part* — the background image, the office, the title,
the label before the name, the signers' titles, names, NIPs and signature images — is the same
for every certificate of a design; it is drawn once with ReportLab and kept (in-process, keyed
by a hash of everything on it). The *personal part* — number, name, body text with the
placeholders filled, place and date, QR code and verification URL — is drawn on a transparent
ReportLab page and merged onto a copy of the fixed page with pypdf. That is ~10× faster than
laying the whole page out in HTML each time (issue 17).

Nothing is loaded by URL: the background is the template's Wagtail image rendition (a file in
MEDIA_ROOT), signature images come from private storage, fonts from the static folder. User
text reaches the page only through ``certificates.placeholders.fill`` (every piece escaped) and
ReportLab's paragraph markup, so ``<b>`` typed into a name prints literally.

The layout leaves the bottom-left corner (``services.CERTIFICATE_SIGNATURE_BOX``) for the
visible electronic signature; the verification URL is wrapped inside its column so that any
domain up to 60 characters fits (issue 13).
"""

import functools
import hashlib
import io
import json
import re
import threading
import unicodedata
from collections import OrderedDict
from decimal import Decimal

import segno
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from django.contrib.staticfiles import finders
from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.translation import override

from certificates.placeholders import fill

BACKGROUND_SPECS = {
    "landscape": "fill-1754x1240|format-jpeg|jpegquality-80",
    "portrait": "fill-1240x1754|format-jpeg|jpegquality-80",
}
INK = HexColor("#1b1b1b")
ACCENT = HexColor("#0b3d3c")
FIXED_CACHE_SIZE = 16
QR_SIZE = 72  # points
VERIFY_FONT_SIZE = 6.5
VERIFY_COLUMN = 190  # points: the QR column's width, the verification URL wraps inside it


def name_font_size(name, orientation="landscape"):
    """Shrink long names so they stay on one or two lines (points)."""
    length = len(name)
    wide = orientation == "landscape"
    for limit, size in ((24, 32), (32, 28), (42, 23), (56, 19), (80, 15)):
        if length <= (limit if wide else int(limit * 0.72)):
            return size
    return 12


def format_hours(hours):
    if hours is None:
        return ""
    hours = Decimal(hours).normalize()
    if hours == hours.to_integral():
        return str(int(hours))
    return number_format(hours, decimal_pos=min(-hours.as_tuple().exponent, 2))


def placeholder_values(certificate):
    with override("id"):
        return {
            "participant_name": certificate.holder_name,
            "course_title": certificate.course_title,
            "start_date": date_format(certificate.start_date, "j F Y") if certificate.start_date else "",
            "end_date": date_format(certificate.end_date, "j F Y") if certificate.end_date else "",
            "hours": format_hours(certificate.hours),
            "category": certificate.category_name,
            "grade": certificate.grade,
            "cohort": certificate.cohort,
            "score": number_format(certificate.score, decimal_pos=2) if certificate.score is not None else "",
        }


# --- fonts and styles ---------------------------------------------------------------------------


@functools.cache
def fonts():
    """Register the bundled DejaVu fonts once per process."""
    for name, filename in (
        ("DejaVu", "DejaVuSans.ttf"),
        ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVuSerif", "DejaVuSerif.ttf"),
        ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, finders.find(f"fonts/{filename}")))
    pdfmetrics.registerFontFamily(
        "DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu", boldItalic="DejaVu-Bold"
    )
    return True


def _style(name, font="DejaVu", size=11, leading=None, color=INK):
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading or size * 1.3, alignment=TA_CENTER, textColor=color
    )


def _paragraph(c, markup, style, x, top, width):
    """Draw centred paragraph markup with its top at ``top``; returns the y below it."""
    paragraph = Paragraph(markup, style)
    _w, height = paragraph.wrap(width, 1000)
    paragraph.drawOn(c, x, top - height)
    return top - height


def wrap_text(text, font, size, width):
    """Break ``text`` into lines no wider than ``width`` points, preferring breaks after '/' or '-'."""
    lines, line = [], ""
    for char in text:
        if pdfmetrics.stringWidth(line + char, font, size) <= width:
            line += char
            continue
        cut = max(line.rfind("/"), line.rfind("-"), line.rfind("."))
        if cut > len(line) // 2:
            lines.append(line[: cut + 1])
            line = line[cut + 1 :] + char
        else:
            lines.append(line)
            line = char
    if line:
        lines.append(line)
    return lines


# --- geometry ------------------------------------------------------------------------------------


class Layout:
    """Positions on the page (points from the bottom left), for one orientation."""

    def __init__(self, orientation):
        self.orientation = orientation
        self.width, self.height = landscape(A4) if orientation == "landscape" else A4
        wide = orientation == "landscape"
        self.margin = 68 if wide else 57
        self.text_width = self.width - 2 * self.margin
        self.top = self.height - (46 if wide else 68)
        # The label and the name sit around the middle, the body runs below it, and the lower part
        # (signers, the QR column) starts at signs_top and runs down to the signature box.
        self.label_top = self.height * (0.68 if wide else 0.70)
        self.name_top = self.height * (0.63 if wide else 0.66)
        self.signs_top = self.height * (0.36 if wide else 0.32)
        self.qr_x = self.margin - (26 if wide else 20)
        self.qr_bottom = 62  # above the visible electronic-signature block (bottom-left)

    def signer_columns(self, count):
        """Centre x of the signer columns, the first signer on the right."""
        right = self.width - self.margin - 110
        if count == 1:
            return [right]
        return [right, self.width / 2 + 10]


# --- the fixed part ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def header_bottom(office, title, orientation):
    """The y below the office line and the title (both drawn on the fixed page)."""
    fonts()
    layout = Layout(orientation)
    y = layout.top
    for markup, style in (
        (escape(office).upper(), _style("office", "DejaVu-Bold", 10)),
        (escape(title), _style("title", "DejaVuSerif-Bold", 34, 40, ACCENT)),
    ):
        _w, height = Paragraph(markup, style).wrap(layout.text_width, 1000)
        y -= height + 4
    return y


def _image_path(image, spec):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return rendition.file.path


def _signature_bytes(signers):
    from portal.models import SigningOfficial

    ids = [signer.get("official_id") for signer in signers if signer.get("official_id")]
    officials = {official.pk: official for official in SigningOfficial.objects.filter(pk__in=ids)} if ids else {}
    images = []
    for signer in signers:
        data = b""
        official = officials.get(signer.get("official_id"))
        fieldfile = official.signature if official is not None else None
        if not fieldfile and signer.get("signature_id"):
            from wagtail.images import get_image_model

            image = get_image_model().objects.filter(pk=signer["signature_id"]).first()
            fieldfile = image.file if image is not None else None
        if fieldfile:
            try:
                with fieldfile.open("rb") as handle:
                    data = handle.read()
            except (FileNotFoundError, OSError):
                data = b""
        images.append(data)
    return images


def fixed_spec(certificate, template):
    """Everything the fixed page shows, as plain data (its hash is the cache key)."""
    background = (
        _image_path(template.background, BACKGROUND_SPECS[template.orientation]) if template.background_id else None
    )
    return {
        "orientation": template.orientation,
        "background": background,
        "office": certificate.office_name,
        "title": template.title,
        "label": template.recipient_label,
        "signers": [
            {key: signer.get(key) or "" for key in ("name", "title", "rank", "nip", "official_id", "signature_id")}
            for signer in certificate.signers
        ],
    }


def draw_fixed(spec):
    """The fixed page as PDF bytes."""
    fonts()
    layout = Layout(spec["orientation"])
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(layout.width, layout.height), pageCompression=1)
    if spec["background"]:
        c.drawImage(spec["background"], 0, 0, layout.width, layout.height)
    x, width = layout.margin, layout.text_width
    y = _paragraph(c, escape(spec["office"]).upper(), _style("office", "DejaVu-Bold", 10), x, layout.top, width)
    _paragraph(c, escape(spec["title"]), _style("title", "DejaVuSerif-Bold", 34, 40, ACCENT), x, y - 4, width)
    y = header_bottom(spec["office"], spec["title"], spec["orientation"])
    # The number line (personal) sits just below the title; the label below it.
    if spec["label"]:
        _paragraph(c, escape(spec["label"]), _style("label", size=11), x, min(layout.label_top, y - 24), width)
    signatures = _signature_bytes(spec["signers"])
    columns = layout.signer_columns(len(spec["signers"]))
    for index, (signer, centre) in enumerate(zip(spec["signers"], columns, strict=False)):
        top = layout.signs_top - (0 if index == 0 else 14)  # the first signer has the place and date above
        c.setFillColor(INK)
        c.setFont("DejaVu", 10)
        c.drawCentredString(centre, top - 14, signer["title"][:70])
        if signatures[index]:
            reader = ImageReader(io.BytesIO(signatures[index]))
            w, h = reader.getSize()
            height = 44
            width_ = min(150, w * height / h)
            c.drawImage(reader, centre - width_ / 2, top - 64, width_, height, mask="auto")
        c.setFont("DejaVu-Bold", 10)
        c.drawCentredString(centre, top - 78, signer["name"][:70])
        name_width = pdfmetrics.stringWidth(signer["name"][:70], "DejaVu-Bold", 10)
        c.setLineWidth(0.6)
        c.line(centre - name_width / 2, top - 80, centre + name_width / 2, top - 80)
        c.setFont("DejaVu", 9)
        line = top - 92
        if signer["rank"]:
            c.drawCentredString(centre, line, signer["rank"][:70])
            line -= 11
        if signer["nip"]:
            c.drawCentredString(centre, line, f"NIP. {signer['nip']}")
    c.showPage()
    c.save()
    return buffer.getvalue()


class FixedPages:
    """A small LRU of fixed pages (PDF bytes), shared by the threads of a process."""

    def __init__(self, size=FIXED_CACHE_SIZE):
        self.size = size
        self.items = OrderedDict()
        self.lock = threading.Lock()

    def get(self, spec):
        key = hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        pdf = draw_fixed(spec)
        with self.lock:
            self.items[key] = pdf
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return pdf

    def clear(self):
        with self.lock:
            self.items.clear()


fixed_pages = FixedPages()


# --- the personal part ---------------------------------------------------------------------------


def draw_qr(c, text, x, y, size):
    """A QR code as filled rectangles (vector, crisp when printed), one per run of dark modules,
    written straight into the content stream in module units (ReportLab's path API formats
    every coordinate in Python, several milliseconds for a code)."""
    # A fixed mask skips segno's evaluation of all eight (most of its time); any mask is valid.
    matrix = segno.make(text, error="m", mask=0, boost_error=False).matrix
    modules = len(matrix) + 4
    cell = size / modules
    c.setFillColor(HexColor("#ffffff"))
    c.rect(x, y, size, size, stroke=0, fill=1)
    ops = [f"q 0 g {cell:.4f} 0 0 {cell:.4f} {x:.3f} {y:.3f} cm"]
    for row_index, row in enumerate(matrix):
        top = modules - 3 - row_index
        start = None
        for col_index, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = col_index
            elif not dark and start is not None:
                ops.append(f"{start + 2} {top} {col_index - start} 1 re")
                start = None
    ops.append("f Q")
    c._code.append(" ".join(ops))


def certificate_context(certificate, template=None):
    from certificates.models import CertificateTemplate

    if template is None:
        template = certificate.template if certificate.template_id else CertificateTemplate()
    holder = unicodedata.normalize("NFC", certificate.holder_name)
    with override("id"):
        issued = date_format(certificate.issued_at, "j F Y")
    return {
        "template": template,
        "orientation": template.orientation,
        "holder_name": holder,
        "name_size": name_font_size(holder, template.orientation),
        "body": fill(template.body, placeholder_values(certificate)),
        "issued_on": issued,
        "verify_url": certificate.get_verify_url(),
    }


def draw_personal(certificate, context, layout):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(layout.width, layout.height), pageCompression=1)
    x, width = layout.margin, layout.text_width
    # Under the office and the title (fixed): the number, then the name below the label.
    title_bottom = header_bottom(certificate.office_name, context["template"].title, layout.orientation)
    c.setFillColor(INK)
    c.setFont("DejaVu", 10)
    c.drawCentredString(layout.width / 2, title_bottom - 8, f"Nomor: {certificate.number}")
    size = context["name_size"]
    y = _paragraph(
        c,
        escape(context["holder_name"]),
        _style("holder", "DejaVuSerif-Bold", size, size * 1.15, ACCENT),
        x,
        min(layout.name_top, title_bottom - 44),
        width,
    )
    body = str(context["body"]).replace("<br>", "<br/>")
    paragraphs = [part.replace("</p>", "") for part in body.split("<p>") if part.strip()]
    y -= 8
    for part in paragraphs:
        y = _paragraph(c, part, _style("body", size=11, leading=15), x + 20, y, width - 40) - 4
    # The lower part: place and date above the first signer; QR and verification in the left column.
    centre = layout.signer_columns(1)[0]
    c.setFont("DejaVu", 10)
    place = f"{certificate.place}, " if certificate.place else ""
    c.drawCentredString(centre, layout.signs_top, f"{place}{context['issued_on']}")
    qr_y = layout.signs_top - QR_SIZE + 4
    draw_qr(c, context["verify_url"], layout.qr_x, qr_y, QR_SIZE)
    c.setFont("DejaVu", VERIFY_FONT_SIZE)
    line_y = qr_y - 9
    for line in ["Verifikasi:", *wrap_text(context["verify_url"], "DejaVu", VERIFY_FONT_SIZE, VERIFY_COLUMN)]:
        c.drawString(layout.qr_x, line_y, line)
        line_y -= VERIFY_FONT_SIZE + 1.5
    c.drawString(layout.qr_x, line_y, f"Kode: {certificate.verification_code}")
    c.showPage()
    c.save()
    return buffer.getvalue()


class ParsedFixedPage:
    """A fixed page parsed once: each certificate is written as an incremental update to it."""

    def __init__(self, data):
        reader = PdfReader(io.BytesIO(data))
        self.data = data
        self.size = int(reader.trailer["/Size"])
        self.root = reader.trailer.raw_get("/Root")
        self.page_ref = reader.pages[0].indirect_reference
        self.page = reader.pages[0]
        self.startxref = data.rindex(b"startxref")
        self.prev = int(data[self.startxref + 9 :].split()[0])
        resources = self.page.get("/Resources")
        self.resources = resources.get_object() if resources is not None else DictionaryObject()
        self.width, self.height = float(self.page.mediabox.width), float(self.page.mediabox.height)


@functools.lru_cache(maxsize=FIXED_CACHE_SIZE)
def parsed_fixed(data):
    return ParsedFixedPage(data)


REF_RE = re.compile(rb"(\d+) 0 R")
LENGTH_RE = re.compile(rb"/Length (\d+)")
PAGE_RE = re.compile(rb"/Type /Page(?![a-zA-Z])")
SKIP_RE = re.compile(rb"/Type /(?:Catalog|Pages)(?![a-zA-Z])|/Producer")


def reportlab_objects(data):
    """The objects of a one-page ReportLab PDF: ``{number: (dictionary bytes, stream bytes or None)}``,
    located through its classic cross-reference table (never by scanning binary streams)."""
    xref = data.rindex(b"\nxref") + 1
    lines = data[xref:].split(b"\n", 3)
    count = int(lines[1].split()[1])
    table = lines[2 + 0 :]  # "0000000000 65535 f" then one line per object
    entries = b"\n".join(table).split(b"\n")[:count]
    objects = {}
    for number, entry in enumerate(entries):
        if number == 0:
            continue
        offset = int(entry[:10])
        start = data.index(b"obj", offset) + 3
        stream_at = data.find(b"stream", start)
        end_at = data.find(b"endobj", start)
        if stream_at != -1 and stream_at < end_at:
            header = data[start:stream_at].strip()
            length = int(LENGTH_RE.search(header).group(1))
            body_start = stream_at + 6 + (2 if data[stream_at + 6 : stream_at + 8] == b"\r\n" else 1)
            objects[number] = (header, data[body_start : body_start + length])
        else:
            objects[number] = (data[start:end_at].strip(), None)
    return objects


def _balanced(text, start):
    """The ``<< ... >>`` dictionary starting at ``start`` in ``text``."""
    depth, index = 0, start
    while index < len(text):
        if text.startswith(b"<<", index):
            depth += 1
            index += 2
        elif text.startswith(b">>", index):
            depth -= 1
            index += 2
            if depth == 0:
                return text[start:index]
        else:
            index += 1
    raise ValueError("unbalanced dictionary")


def write_personal(personal, base, out, offsets, width, height):
    """Copy a ReportLab page's objects into ``out`` numbered from ``base + 1``, its content stream
    turned into a form XObject; add a content stream that draws it. Returns (form id, draw id)."""
    objects = reportlab_objects(personal)
    page_number = next(n for n, (header, stream) in objects.items() if stream is None and PAGE_RE.search(header))
    page_header = objects[page_number][0]
    contents_number = int(re.search(rb"/Contents (\d+) 0 R", page_header).group(1))
    resources = _balanced(page_header, page_header.index(b"<<", page_header.index(b"/Resources")))

    def renumber(text):
        return REF_RE.sub(lambda m: b"%d 0 R" % (int(m.group(1)) + base), text)

    for number, (header, stream) in objects.items():
        if number == page_number or (stream is None and SKIP_RE.search(header)):
            continue
        if number == contents_number:
            header = (
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 %.4f %.4f] /Resources %s "
                % (width, height, renumber(resources))
            ) + header[2:]
        else:
            header = renumber(header)
        offsets[number + base] = out.tell()
        out.write(b"%d 0 obj\n" % (number + base) + header)
        if stream is not None:
            out.write(b"\nstream\r\n" + stream + b"\r\nendstream")
        out.write(b"\nendobj\n")
    draw_id = max(objects) + base + 1
    offsets[draw_id] = out.tell()
    out.write(b"%d 0 obj\n<< /Length 16 >>\nstream\nq /Personal Do Q\nendstream\nendobj\n" % draw_id)
    return contents_number + base, draw_id


def overlay(fixed: ParsedFixedPage, personal: bytes) -> bytes:
    """``fixed`` with the page of ``personal`` (a ReportLab PDF) drawn over it, as an incremental update.

    The personal page's content stream becomes a form XObject with the page's resources; its
    fonts are copied byte for byte with new object numbers; the fixed page gets one more content
    stream that draws the form. Nothing of the fixed page (the background image) is parsed or
    written again, and nothing of the personal page is parsed beyond its object headers.
    """
    out = io.BytesIO()
    out.write(fixed.data)
    if not fixed.data.endswith(b"\n"):
        out.write(b"\n")
    offsets = {}
    form_ref, draw_id = write_personal(personal, fixed.size - 1, out, offsets, fixed.width, fixed.height)

    page_resources = DictionaryObject(dict.items(fixed.resources))
    xobjects = page_resources.get("/XObject")
    xobjects = DictionaryObject(dict.items(xobjects.get_object())) if xobjects is not None else DictionaryObject()
    xobjects[NameObject("/Personal")] = IndirectObject(form_ref, 0, None)
    page_resources[NameObject("/XObject")] = xobjects
    new_page = DictionaryObject(dict.items(fixed.page))
    old_contents = fixed.page.raw_get("/Contents")
    resolved = old_contents.get_object()
    items = list(resolved) if isinstance(resolved, ArrayObject) else [old_contents]
    new_page[NameObject("/Contents")] = ArrayObject([*items, IndirectObject(draw_id, 0, None)])
    new_page[NameObject("/Resources")] = page_resources
    offsets[fixed.page_ref.idnum] = out.tell()
    out.write(b"%d 0 obj\n" % fixed.page_ref.idnum)
    new_page.write_to_stream(out)
    out.write(b"\nendobj\n")

    xref_at = out.tell()
    lines = ["xref\n0 1\n0000000000 65535 f \n"]
    for number in sorted(offsets):
        lines.append(f"{number} 1\n{offsets[number]:010d} 00000 n \n")
    out.write("".join(lines).encode())
    out.write(
        f"trailer\n<< /Size {draw_id + 1} /Root {fixed.root.idnum} 0 R /Prev {fixed.prev} >>\n"
        f"startxref\n{xref_at}\n%%EOF\n".encode()
    )
    return out.getvalue()


def render_certificate(certificate, template=None):
    """The PDF bytes of a certificate (not stored or signed; see ``services.ensure_pdf``)."""
    fonts()
    context = certificate_context(certificate, template)
    layout = Layout(context["orientation"])
    fixed = parsed_fixed(fixed_pages.get(fixed_spec(certificate, context["template"])))
    return overlay(fixed, draw_personal(certificate, context, layout))


# --- one print PDF for many certificates -------------------------------------------------------


def stream_print_pdf(certificates):
    """One PDF with a page per certificate, for printing, yielded in chunks (memory flat).

    Each design's fixed page (background, signers) is written once and shared by its pages;
    each page adds only its person's text. A print copy carries no electronic signature (the
    signed PDFs are the downloads); it keeps the QR code and verification code.
    """
    from certificates.bulk import PdfConcatenator, Sink

    sink = Sink()
    writer = PdfConcatenator(sink)
    designs = {}
    for certificate in certificates:
        fonts()
        context = certificate_context(certificate)
        layout = Layout(context["orientation"])
        fixed = parsed_fixed(fixed_pages.get(fixed_spec(certificate, context["template"])))
        design = designs.get(fixed.data)
        if design is None:
            mapping = {}
            contents = fixed.page.raw_get("/Contents")
            resolved = contents.get_object()
            refs = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
            design = (
                [IndirectObject(writer._copy(ref, mapping), 0, None) for ref in refs],
                writer._remap(fixed.resources, mapping),
            )
            designs[fixed.data] = design
        contents_refs, resources = design
        personal = draw_personal(certificate, context, layout)
        form_id, draw_id = write_personal(
            personal, writer.next_id - 1, sink, writer.offsets, fixed.width, fixed.height
        )
        writer.next_id = draw_id + 1
        page_resources = DictionaryObject(dict.items(resources))
        xobjects = page_resources.get("/XObject")
        xobjects = DictionaryObject(dict.items(xobjects)) if xobjects is not None else DictionaryObject()
        xobjects[NameObject("/Personal")] = IndirectObject(form_id, 0, None)
        page_resources[NameObject("/XObject")] = xobjects
        page = DictionaryObject()
        page[NameObject("/Type")] = NameObject("/Page")
        page[NameObject("/Parent")] = IndirectObject(writer.PAGES_ID, 0, None)
        page[NameObject("/MediaBox")] = fixed.page.mediabox
        page[NameObject("/Contents")] = ArrayObject([*contents_refs, IndirectObject(draw_id, 0, None)])
        page[NameObject("/Resources")] = page_resources
        page_id = writer.next_id
        writer.next_id += 1
        writer._write(page_id, page)
        writer.kids.append(page_id)
        yield sink.drain()
    writer.finish()
    yield sink.drain()
