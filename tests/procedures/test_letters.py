import io

import pytest
from pypdf import PdfReader

from django.urls import reverse
from django.utils import timezone

from portal.pdf import resolve_resource
from procedures.letters import issue_letter

pytestmark = pytest.mark.django_db


def pdf_text(fieldfile):
    fieldfile.open("rb")
    try:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(fieldfile.read())).pages)
    finally:
        fieldfile.close()


@pytest.fixture
def letter(submitted):
    return issue_letter(
        kind="test",
        code="UJI",
        subject="Jawaban konsultasi",
        addressee="Ni Luh Putu Sari\nBanyuwangi",
        body="Paragraf pertama.\n\nParagraf <b>kedua</b>.",
        details=[("Pelatihan", "Batik")],
        case=submitted(),
    )


def test_letter_is_numbered_rendered_and_private(letter):
    year = timezone.localdate().year
    assert letter.number.startswith("001/UJI/") and letter.number.endswith(f"/{year}")
    with pytest.raises(ValueError):
        letter.pdf.url  # noqa: B018 — private files have no public URL at all
    text = pdf_text(letter.pdf)
    for expected in (
        letter.number,
        "Ni Luh Putu Sari",
        "Jawaban konsultasi",
        "Paragraf <b>kedua</b>",
        letter.verification_code,
    ):
        assert expected in text


def test_verification_page_genuine_revoked_and_unknown(client, letter):
    page = client.get(reverse("procedures:verify_letter", args=[letter.verification_code]))
    assert page.status_code == 200 and letter.number in page.content.decode()
    assert page.context["letter"] == letter
    letter.revoked_at, letter.revoked_reason = timezone.now(), "Salah alamat"
    letter.save()
    page = client.get(reverse("procedures:verify_letter", args=[letter.verification_code]))
    assert "Salah alamat" in page.content.decode()
    unknown = client.get(reverse("procedures:verify_letter", args=["AAAA-BBBB-CCCC-DDDD"]))
    assert unknown.status_code == 200 and unknown.context["letter"] is None
    assert letter.number not in unknown.content.decode()


@pytest.mark.parametrize(
    "uri",
    [
        "http://example.com/x.png",
        "https://10.0.0.1/a",
        "file:///etc/passwd",
        "/etc/passwd",
        "static:../../../../etc/passwd",
        "media:../../etc/passwd",
    ],
)
def test_pdf_renderer_refuses_outside_resources(uri):
    # An empty answer would make xhtml2pdf load the original URI; refused is an empty data: URI.
    assert resolve_resource(uri) == "data:,"


def test_pdf_renderer_allows_bundled_font_and_data_uris():
    assert resolve_resource("static:fonts/DejaVuSans.ttf").endswith("DejaVuSans.ttf")
    assert resolve_resource("data:image/png;base64,AAAA").startswith("data:")


def test_kinds_sharing_a_code_share_one_sequence(submitted):
    case = submitted()
    first = issue_letter(kind="a", code="SAMA", subject="A", addressee="X", body="-", case=case)
    second = issue_letter(kind="b", code="SAMA", subject="B", addressee="X", body="-", case=case)
    assert first.number != second.number and second.number.startswith("002/SAMA/")
