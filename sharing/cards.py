"""Open Graph / Twitter card images (1200×630 PNG) drawn with Pillow, and A4 class posters.

What a card shows comes from ``card_content``: the page's title, its dates or role, its
image and the office's identity (logo, name) in the colours of ``ShareStyle``. The poster
is rendered by ``portal.pdf`` with a QR code (``portal.pdf.qr_data_uri``) to the class's
enrol page. Both are cached as ``SharedAsset`` files keyed by a fingerprint of their inputs.
"""

import hashlib
import io
import logging
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont, ImageOps

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.links import base_url
from portal.models import OfficeSettings
from sharing.models import SharedAsset, ShareStyle

logger = logging.getLogger(__name__)

CARD_SIZE = (1200, 630)
#: Bump when the drawing changes, so every cached card is drawn again.
CARD_VERSION = "1"
POSTER_VERSION = "1"
SHAREABLE_TYPES = ("courses.CoursePage", "trainers.TrainerPage", "news.NewsPage")


@dataclass
class CardContent:
    eyebrow: str
    title: str
    lines: list = field(default_factory=list)
    image: object = None  # a Wagtail image


def is_shareable(page):
    meta = getattr(page, "_meta", None)
    return meta is not None and f"{meta.app_label}.{page.__class__.__name__}" in SHAREABLE_TYPES


def card_content(page):
    """The texts and image of a page's card, in the office's language."""
    kind = f"{page._meta.app_label}.{page.__class__.__name__}"
    with translation.override(settings.LANGUAGE_CODE):
        if kind == "courses.CoursePage":
            place = page.location_name or page.get_mode_display()
            category = page.category.name if page.category_id else _("Class")
            return CardContent(str(category), page.title, [page.date_range, place], page.image)
        if kind == "trainers.TrainerPage":
            name = getattr(page, "full_name", "") or page.title
            lines = [value for value in (getattr(page, "position", ""), getattr(page, "regency", "")) if value]
            return CardContent(_("Resource person"), name, lines, getattr(page, "photo", None))
        if kind == "news.NewsPage":
            return CardContent(str(page.get_kind_display()), page.title, [date_format(page.date, "j F Y")], page.image)
    return CardContent("", page.title, [], None)


def _identity(office, style):
    return [
        office.unit_name if office else "",
        office.office_name if office else "",
        str(office.logo_id or "") if office else "",
        style.primary_colour if style else "",
        style.accent_colour if style else "",
    ]


def card_fingerprint(page, content, office, style):
    image = content.image
    parts = [CARD_VERSION, str(page.pk), content.eyebrow, content.title, *content.lines]
    parts += [f"{image.pk}:{image.file.name}" if image else "", *_identity(office, style)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# --- Drawing ------------------------------------------------------------------------------
def _font(bold=True, size=40):
    name = "fonts/DejaVuSans-Bold.ttf" if bold else "fonts/DejaVuSans.ttf"
    path = finders.find(name)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _wrap(draw, text, font, width, max_lines):
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip() + "…"
    return lines


def _open_image(image, size):
    try:
        with image.open_file() as handle:
            picture = Image.open(handle)
            picture = ImageOps.exif_transpose(picture).convert("RGB")
            return ImageOps.fit(picture, size, method=Image.LANCZOS)
    except (OSError, ValueError):
        logger.warning("card image %s could not be read", getattr(image, "pk", None))
        return None


def draw_card(content, office, style):
    """PNG bytes of a 1200×630 card."""
    width, height = CARD_SIZE
    primary = style.primary_colour if style else "#0b5d5b"
    accent = style.accent_colour if style else "#c2561a"
    canvas = Image.new("RGB", CARD_SIZE, primary)
    draw = ImageDraw.Draw(canvas)
    text_width = 600
    if content.image is not None:
        picture = _open_image(content.image, (width - 660, height))
        if picture is not None:
            canvas.paste(picture, (660, 0))
    else:
        for i, radius in enumerate((360, 260, 160)):
            draw.ellipse([930 - radius, 315 - radius, 930 + radius, 315 + radius], outline=accent, width=10 - i * 2)
    draw.rectangle([0, height - 14, width, height], fill=accent)

    x, y = 56, 52
    eyebrow_font = _font(True, 28)
    if content.eyebrow:
        label = content.eyebrow.upper()
        label_width = draw.textlength(label, font=eyebrow_font)
        draw.rounded_rectangle([x, y, x + label_width + 32, y + 46], radius=23, fill=accent)
        draw.text((x + 16, y + 7), label, font=eyebrow_font, fill="white")
        y += 76
    for size in (64, 56, 48, 42):
        title_font = _font(True, size)
        lines = _wrap(draw, content.title, title_font, text_width, 4)
        if len(lines) <= 3 or size == 42:
            break
    for line in lines:
        draw.text((x, y), line, font=title_font, fill="white")
        y += int(title_font.size * 1.18)
    y += 14
    detail_font = _font(False, 32)
    for line in content.lines[:2]:
        for part in _wrap(draw, str(line), detail_font, text_width, 1):
            draw.text((x, y), part, font=detail_font, fill="#f3f6f7")
            y += 44

    footer_y = height - 120
    text_x = x
    if office and office.logo_id:
        logo = _open_image(office.logo, (72, 72))
        if logo is not None:
            canvas.paste(logo, (x, footer_y))
            text_x = x + 90
    if office:
        draw.text((text_x, footer_y + 4), office.unit_name or "", font=_font(True, 28), fill="white")
        for part in _wrap(draw, office.office_name, _font(False, 22), text_width - (text_x - x), 1):
            draw.text((text_x, footer_y + 42), part, font=_font(False, 22), fill="#e0ecec")
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


# --- Cache --------------------------------------------------------------------------------
def identity_for(page, request=None):
    if request is not None:
        return OfficeSettings.for_request(request), ShareStyle.for_request(request)
    site = page.get_site()
    if site is None:
        return None, None
    return OfficeSettings.for_site(site), ShareStyle.for_site(site)


def _store(page, kind, fingerprint, filename, content):
    asset = SharedAsset.objects.filter(page_id=page.pk, kind=kind).first()
    if asset is None:
        asset = SharedAsset(page_id=page.pk, kind=kind)
    old_name = asset.file.name if asset.file else None
    asset.fingerprint = fingerprint
    asset.file.save(filename, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            asset.save()
    except IntegrityError:  # another request drew it at the same moment: keep theirs
        asset.file.delete(save=False)
        return SharedAsset.objects.get(page_id=page.pk, kind=kind)
    if old_name and old_name != asset.file.name:
        asset.file.storage.delete(old_name)
    return asset


def card_for(page, request=None, force=False):
    """The page's current card (drawn now if missing or out of date)."""
    office, style = identity_for(page, request)
    content = card_content(page)
    fingerprint = card_fingerprint(page, content, office, style)
    asset = SharedAsset.objects.filter(page_id=page.pk, kind=SharedAsset.Kind.CARD).first()
    if not force and asset and asset.fingerprint == fingerprint and asset.file.storage.exists(asset.file.name):
        return asset
    png = draw_card(content, office, style)
    return _store(page, SharedAsset.Kind.CARD, fingerprint, f"kartu-{page.pk}-{fingerprint[:10]}.png", png)


def card_url(page, request=None):
    """The card's public address; its fingerprint in the query string makes crawlers fetch a new one."""
    office, style = identity_for(page, request)
    fingerprint = card_fingerprint(page, card_content(page), office, style)
    return f"{reverse('sharing:card', args=[page.pk])}?v={fingerprint[:12]}"


# --- Posters ------------------------------------------------------------------------------
def enrol_url(course):
    return base_url() + reverse("enrolment:enrol", args=[course.pk])


def poster_fingerprint(course, office, style):
    image = course.image
    parts = [
        POSTER_VERSION,
        str(course.pk),
        course.title,
        course.summary,
        str(course.start_date),
        str(course.end_date),
        course.location_name,
        str(course.cost),
        str(course.capacity),
        course.category.name if course.category_id else "",
        f"{image.pk}:{image.file.name}" if image else "",
        enrol_url(course),
        style.tagline if style else "",
        office.phone if office else "",
        office.whatsapp_number if office else "",
        office.website if office else "",
        *_identity(office, style),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def render_poster(course, office, style):
    from portal.pdf import qr_data_uri, render_pdf

    url = enrol_url(course)
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf(
            "sharing/poster_pdf.html",
            {
                "course": course,
                "office": office,
                "style": style,
                "enrol_url": url,
                "qr": qr_data_uri(url, scale=8, border=2),
                "image_uri": f"media:{course.image.get_rendition('fill-1000x520').file.name}" if course.image else "",
                "logo_uri": f"media:{office.logo.get_rendition('max-160x160').file.name}"
                if office and office.logo
                else "",
            },
        )


def poster_for(course, request=None, force=False):
    office, style = identity_for(course, request)
    fingerprint = poster_fingerprint(course, office, style)
    asset = SharedAsset.objects.filter(page_id=course.pk, kind=SharedAsset.Kind.POSTER).first()
    if not force and asset and asset.fingerprint == fingerprint and asset.file.storage.exists(asset.file.name):
        return asset
    pdf = render_poster(course, office, style)
    return _store(course, SharedAsset.Kind.POSTER, fingerprint, f"poster-{course.pk}-{fingerprint[:10]}.pdf", pdf)
