"""Numbered letters on the office letterhead, rendered to a private PDF with a verification QR."""

import re
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.models import Site

from portal.models import OfficeSettings
from portal.pdf import qr_data_uri, render_pdf
from portal.signing import sign_or_keep
from procedures.models import Letter
from procedures.numbering import next_number

DEFAULT_PATTERN = "{seq:03d}/{code}/{office_code}/{roman_month}/{year}"
# The visible signature block on an A4 letter (points from the bottom left): under the text.
LETTER_SIGNATURE_BOX = (40, 14, 260, 56)
# Crockford-style alphabet: no 0/O, 1/I/L, U — easy to read aloud and type from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def verification_code(length=16):
    """16 symbols of a 30-letter alphabet: 78 bits of randomness, grouped for reading."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
    return "-".join(raw[i : i + 4] for i in range(0, length, 4))


def office_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return OfficeSettings.for_site(site) if site else OfficeSettings()


def signer_from_office(office, kind=None):
    """The signer of a letter kind: the official the office settings name for it (who decides)."""
    return office.signer_for(kind)


def letter_text(template_name, context):
    """A letter's body from a text template: paragraphs separated by blank lines, each trimmed.

    Letter wording lives in ``templates/<app>/letters/*.txt`` (with ``{% autoescape off %}``),
    where translators and reviewers read it as a letter; lines inside a paragraph are kept.
    """
    text = render_to_string(template_name, context)
    paragraphs = (paragraph.strip() for paragraph in re.split(r"\n\s*\n", text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def issue_letter(
    *,
    kind,
    code,
    subject,
    addressee,
    body,
    details=(),
    case=None,
    signer=None,
    created_by=None,
    pattern=DEFAULT_PATTERN,
    template="procedures/letter_pdf.html",
    extra_context=None,
):
    """Create, number and render a letter. ``body`` is plain text; paragraphs are separated by blank lines."""
    office = office_settings()
    signer = signer or signer_from_office(office, kind)
    now = timezone.localtime()
    letter = Letter(
        kind=kind,
        number=next_number(f"letter:{code}", pattern, now, code=code, office_code=office.office_code or "DINAS"),
        date=now.date(),
        subject=subject,
        addressee=addressee,
        body=body,
        details=[[str(label), str(value)] for label, value in details],
        signer_name=signer["name"] or "",
        signer_title=signer["title"] or "",
        signer_rank=signer.get("rank") or "",
        signer_nip=signer.get("nip") or "",
        office_name=office.office_name,
        verification_code=verification_code(),
        created_by=created_by if created_by is not None and created_by.is_authenticated else None,
    )
    if case is not None:
        letter.content_type = ContentType.objects.get_for_model(case, for_concrete_model=True)
        letter.object_id = case.pk
    letter.save()
    render_letter(
        letter,
        office=office,
        signature=signer.get("signature"),
        stamp=signer.get("stamp"),
        template=template,
        extra_context=extra_context,
    )
    return letter


def render_letter(
    letter, *, office=None, signature=None, stamp=None, template="procedures/letter_pdf.html", extra_context=None
):
    office = office or office_settings()
    context = {
        "letter": letter,
        "office": office,
        "paragraphs": [p.strip() for p in letter.body.split("\n\n") if p.strip()],
        "signature": signature,
        "stamp": stamp,
        "qr": qr_data_uri(letter.get_verify_url()),
        **(extra_context or {}),
    }
    # Signed once, here: the letter is rendered at the deciding transition (its effect).
    pdf = sign_or_keep(
        render_pdf(template, context),
        {"name": letter.signer_name, "title": letter.signer_title, "nip": letter.signer_nip},
        letter.subject,
        box=LETTER_SIGNATURE_BOX,
    )
    filename = f"{letter.kind}-{letter.pk}.pdf"
    letter.pdf.save(filename, ContentFile(pdf), save=True)
    return pdf
