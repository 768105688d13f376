"""The certificate's layout (issue 13): the verification URL of any domain up to 60 characters
stays on the page, inside its column; the lower half of the page carries the signers, the date,
the QR and the verification text. Checked on the text positions read out of the PDF."""

import io

import pytest
from pypdf import PdfReader

from certificates import rendering
from certificates.factories import CertificateFactory, CertificateTemplateFactory

pytestmark = pytest.mark.django_db

LONG_DOMAIN = "pelatihan-kebudayaan-dan-pariwisata.banyuwangikab.go.id.test"  # 60 characters


def text_items(pdf):
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    items = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            # Text space → user space: the text matrix times the current transformation matrix.
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = font_size * (tm[0] * cm[0] or 1)
            items.append((text.strip(), x, y, size))

    page.extract_text(visitor_text=visit)
    return page, items


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_sixty_character_domain_fits(enrolment, settings, orientation):
    assert len(LONG_DOMAIN) == 60
    settings.PORTAL_BASE_URL = f"https://{LONG_DOMAIN}"
    template = CertificateTemplateFactory(name=f"Uji {orientation}", orientation=orientation)
    certificate = CertificateFactory(enrolment=enrolment, template=template)
    page, items = text_items(rendering.render_certificate(certificate))
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    url = certificate.get_verify_url()
    start = next(i for i, item in enumerate(items) if item[0].startswith("Verifikasi"))
    lines = []
    for text, x, y, size in items[start + 1 :]:
        if text.startswith("Kode"):
            break
        lines.append((text, x, y, size))
    assert "".join(text for text, *_ in lines) == url  # the whole URL, nothing cut
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text, x, y, _size in lines:
        assert x >= 18, (text, x)  # not over the left border
        right = x + stringWidth(text, "DejaVu", rendering.VERIFY_FONT_SIZE)
        assert right <= width - 18, (text, right, width)
        assert right <= x + rendering.VERIFY_COLUMN + 0.5  # inside its column
        assert 0 < y < height / 2


def test_the_lower_half_of_the_page_is_used(enrolment, default_template):
    certificate = CertificateFactory(enrolment=enrolment, template=default_template)
    page, items = text_items(rendering.render_certificate(certificate))
    height = float(page.mediabox.height)
    lower = " ".join(text for text, _x, y, _s in items if y < height / 2)
    signer = certificate.signers[0]
    assert signer["name"] in lower
    assert certificate.verification_code in lower
    assert "Verifikasi" in lower
    upper = " ".join(text for text, _x, y, _s in items if y >= height / 2)
    assert certificate.number in upper
    # The body text runs towards the middle: some of it is drawn below the upper third.
    assert any(height / 3 < y < height * 0.62 for _t, _x, y, _s in items)


def test_print_pdf_has_a_page_per_certificate(make_enrolment, default_template):
    names = ["Ayu Lestari", "Ṣalāḥ ad-Dīn", "Nguyễn Thị Minh Khai"]
    certificates = [
        CertificateFactory(enrolment=make_enrolment(full_name=name), template=default_template, holder_name=name)
        for name in names
    ]
    data = b"".join(rendering.stream_print_pdf(certificates))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 3
    for page, certificate in zip(reader.pages, certificates, strict=True):
        text = " ".join(page.extract_text().split())
        assert certificate.holder_name in text and certificate.verification_code in text
    contents = [page.raw_get("/Contents") for page in reader.pages]
    assert len({tuple(ref.idnum for ref in c[:-1]) for c in contents}) == 1  # one shared fixed part
