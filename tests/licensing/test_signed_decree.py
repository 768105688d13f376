"""The licence decree (issue 13): decisions numbered KESATU, KEDUA, KETIGA…; decree and refusal
signed as PAdES by the head of office at the signing transition (issue 21)."""

import io
import re

import pytest
from pypdf import PdfReader

from accounts import roles
from licensing.models import Licence
from portal.signing import validate_pdf
from procedures import services as core
from tests.conftest import tamper

from .conftest import PATH, inspection_data

pytestmark = pytest.mark.django_db

ARTICLES = (
    "Memberikan izin penyelenggaraan kursus kepada LKP Tata Busana Melati.\r\n\r\n"
    "Izin berlaku selama lima tahun.\r\n\r\n"
    "Keputusan ini mulai berlaku pada tanggal ditetapkan."
)


def run_to(application, state, staff, recommend=True, decision=None):
    for _target, name, role in PATH:
        if application.state == state:
            break
        data = inspection_data(recommend) if name == "report_inspection" else {}
        if name == "draft_decree" and decision:
            data = {"considerations": "", "decision": decision}
        if name == "sign" and not recommend:
            name = "sign_refusal"
        core.perform(application, name, staff[role], data=data)
        application.refresh_from_db()
    return application


def test_decree_numbers_every_decision(submitted, staff):
    run_to(submitted, "issued", staff, decision=ARTICLES)
    letter = Licence.objects.get(application=submitted).letter
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(letter.pdf.read())).pages).split())
    found = re.findall(r"(KESATU|KEDUA|KETIGA|KEEMPAT) : (\w+)", text)
    assert found == [("KESATU", "Memberikan"), ("KEDUA", "Izin"), ("KETIGA", "Keputusan")]


def test_decree_and_refusal_are_signed_and_break_when_changed(submitted, staff, signing_key):
    run_to(submitted, "issued", staff)
    decree = Licence.objects.get(application=submitted).letter.pdf.read()
    check = validate_pdf(decree)
    assert check.valid and "Dinas Uji" in check.signer
    assert not validate_pdf(tamper(decree)).valid


def test_refusal_is_signed(submitted, staff, signing_key):
    run_to(submitted, "refused", staff, recommend=False)
    letter = submitted.letters().last()
    pdf = letter.pdf.read()
    assert validate_pdf(pdf).valid
    assert not validate_pdf(tamper(pdf)).valid


def test_roles_match_the_path():
    assert PATH[-1][2] == roles.HEAD_OF_OFFICE
