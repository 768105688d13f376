"""The certificate PDF: xhtml2pdf on a template with a background image, bundled fonts and a QR.

Only ``static:``, ``media:`` and ``data:`` resources are used (``portal.pdf`` refuses anything
else). User text reaches the HTML only through Django's autoescaping or
``certificates.placeholders.fill``, which escapes every piece.
"""

import unicodedata
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.formats import date_format, number_format
from django.utils.translation import override

from certificates.placeholders import fill
from portal.models import image_data_uri
from portal.pdf import html_to_pdf, qr_data_uri

TEMPLATE = "certificates/certificate_pdf.html"

# xhtml2pdf parses its ~200-rule default style sheet for every document; a certificate uses a
# handful of elements, so it gets this short one instead (about a third of the render time).
CERTIFICATE_DEFAULT_CSS = """
html { font-family: Helvetica; font-size: 10px; font-weight: normal; color: #000000; margin: 0; padding: 0;
       line-height: 150%; border: 1px none; display: inline; width: auto; height: auto; white-space: normal; }
b, strong { font-weight: bold; }
i, em { font-style: italic; }
u { text-decoration: underline; }
body, div, p, table, tr, td { display: block; }
p { margin: 1em 0; }
tr, td { vertical-align: middle; width: auto; }
"""
BACKGROUND_SPECS = {
    "landscape": "fill-1754x1240|format-jpeg|jpegquality-80",
    "portrait": "fill-1240x1754|format-jpeg|jpegquality-80",
}
SIGNATURE_SPEC = "height-120|format-png"


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


def _image_uri(image, spec):
    if image is None:
        return ""
    rendition = image.get_rendition(spec)
    return f"media:{rendition.file.name}"


def _images_by_id(ids):
    from wagtail.images import get_image_model

    ids = [pk for pk in ids if pk]
    if not ids:
        return {}
    return {image.pk: image for image in get_image_model().objects.filter(pk__in=ids)}


def _officials_by_id(ids):
    from portal.models import SigningOfficial

    ids = [pk for pk in ids if pk]
    if not ids:
        return {}
    return {official.pk: official for official in SigningOfficial.objects.filter(pk__in=ids)}


def certificate_context(certificate, template=None):
    from certificates.models import CertificateTemplate

    if template is None:
        template = certificate.template if certificate.template_id else CertificateTemplate()
    orientation = template.orientation
    images = _images_by_id([signer.get("signature_id") for signer in certificate.signers] + [template.background_id])
    officials = _officials_by_id([signer.get("official_id") for signer in certificate.signers])
    signers = [
        {
            **signer,
            "signature": (
                image_data_uri(officials[signer["official_id"]].signature)
                if signer.get("official_id") in officials
                else _image_uri(images.get(signer.get("signature_id")), SIGNATURE_SPEC)
            ),
        }
        for signer in certificate.signers
    ]
    holder = unicodedata.normalize("NFC", certificate.holder_name)
    with override("id"):
        issued = date_format(certificate.issued_at, "j F Y")
    return {
        "certificate": certificate,
        "template": template,
        "orientation": orientation,
        "background": _image_uri(images.get(template.background_id), BACKGROUND_SPECS[orientation]),
        "title": template.title,
        "recipient_label": template.recipient_label,
        "body": fill(template.body, placeholder_values(certificate)),
        "holder_name": holder,
        "name_size": name_font_size(holder, orientation),
        "signers": signers,
        "issued_on": issued,
        "qr": qr_data_uri(certificate.get_verify_url()),
        "verify_url": certificate.get_verify_url(),
    }


def render_certificate(certificate, template=None):
    """The PDF bytes of a certificate (not stored; see ``services.ensure_pdf``).

    Same loading rules as ``portal.pdf.render_pdf`` (its ``resolve_resource`` link callback
    refuses everything but ``static:``, ``media:`` and ``data:``), with the short default CSS.
    """
    html = render_to_string(TEMPLATE, certificate_context(certificate, template))
    return html_to_pdf(html, default_css=CERTIFICATE_DEFAULT_CSS)
