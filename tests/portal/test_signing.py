"""PAdES signatures (issue 21): every kind of letter is signed once, by the official who decides;
pyHanko's validator accepts the intact file and refuses it after one byte changed."""

import io

import pytest
from pypdf import PdfReader

from django.core.checks import run_checks

from portal.models import OfficeSettings, SigningOfficial, SigningPosition
from portal.signing import SignerBlock, sign_pdf, validate_pdf
from tests.conftest import tamper

pytestmark = pytest.mark.django_db


def blank_pdf():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 700, "Surat")
    page.save()
    return buffer.getvalue()


def test_sign_and_validate(signing_key):
    signed = sign_pdf(blank_pdf(), SignerBlock("Ṣalāḥ Nguyễn", "Kepala Dinas", "197301261992011001"), "Keputusan")
    check = validate_pdf(signed)
    assert check.valid and check.intact and check.trusted
    assert "Dinas Uji" in check.signer
    assert check.reason == "Keputusan"
    assert not validate_pdf(tamper(signed)).valid
    assert not validate_pdf(blank_pdf()).signed


def test_signature_block_is_visible_with_name_title_nip(signing_key):
    signed = sign_pdf(blank_pdf(), SignerBlock("Bambang Hartono", "Kepala Bidang", "197805122003121004"), "x")
    page = PdfReader(io.BytesIO(signed)).pages[0]
    widgets = [a.get_object() for a in page.get("/Annots", [])]
    signature = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert signature and signature[0]["/Rect"][2] > signature[0]["/Rect"][0]  # a visible box
    appearance = signature[0]["/AP"]["/N"].get_object()
    stream = appearance.get_data()
    for xobject in appearance.get("/Resources", {}).get("/XObject", {}).values():
        stream += xobject.get_object().get_data()
    assert b"Bambang Hartono" in stream and b"197805122003121004" in stream and b"Kepala Bidang" in stream


def test_system_check_warns_without_a_signing_certificate(settings):
    settings.SIGNING_PKCS12 = "signing/missing.p12"
    assert "portal.W010" in [message.id for message in run_checks()]


@pytest.mark.parametrize("kind", sorted(OfficeSettings.SIGNER_FIELDS.keys() - {"certificate"}))
def test_every_letter_kind_is_signed_by_its_decider(signing_key, kind):
    from procedures.letters import issue_letter

    SigningOfficial(position=SigningPosition.HEAD_OF_UNIT, name="Ir. Kabid", title="Kepala Bidang").save()
    SigningOfficial(position=SigningPosition.HEAD_OF_OFFICE, name="Drs. Kadis", title="Kepala Dinas").save()
    letter = issue_letter(kind=kind, code="UJI", subject="Perihal", addressee="Penerima", body="Isi surat.")
    expected = "Ir. Kabid" if kind in ("trainer_decision", "consultation_answer") else "Drs. Kadis"
    assert letter.signer_name == expected
    pdf = letter.pdf.read()
    check = validate_pdf(pdf)
    assert check.valid, kind
    assert not validate_pdf(tamper(pdf)).valid
