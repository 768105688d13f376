import io

import pytest
from pypdf import PdfReader

from certificates import rendering
from certificates.factories import CertificateFactory, CertificateTemplateFactory
from certificates.models import mask_name
from portal import pdf as portal_pdf

pytestmark = pytest.mark.django_db


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_injection_strings_print_literally_and_nothing_is_fetched(enrolment, monkeypatch):
    fetched = []
    original = portal_pdf.resolve_resource

    def recording(uri, rel=None):
        fetched.append(uri)
        return original(uri, rel)

    monkeypatch.setattr(portal_pdf, "resolve_resource", recording)
    template = CertificateTemplateFactory(
        name="Uji", body="Untuk {participant_name} di {course_title}. <i>bukan HTML</i> {{ 1 }}".replace("{{ 1 }}", "")
    )
    certificate = CertificateFactory(
        enrolment=enrolment,
        template=template,
        holder_name="<b>x</b> {participant_name} <img src=http://evil.example/x.png>",
        course_title="<script>alert(1)</script>",
    )
    reader, text = pdf_text(rendering.render_certificate(certificate))
    assert "<b>x</b> {participant_name} <img src=http://evil.example/x.png>" in text
    assert "<script>alert(1)</script>" in text
    assert "<i>bukan HTML</i>" in text
    assert all(uri.split(":", 1)[0] in ("static", "media", "data") for uri in fetched), fetched
    assert not any("evil" in uri for uri in fetched)
    assert len(reader.pages) == 1


@pytest.mark.parametrize(
    "name",
    [
        "Ni Luh Putu Ayu Saraswati Dewi",
        "Ṣalāḥ ad-Dīn Yūsuf",
        "Nguyễn Thị Minh Khai",
        "Raden Roro Kusumawardhani Anindita Prameswari Sekar Ayu Larasati Wulandari",
    ],
)
def test_names_with_diacritics_and_long_names_fit_one_page(enrolment, name, default_template):
    certificate = CertificateFactory(enrolment=enrolment, template=default_template, holder_name=name)
    reader, text = pdf_text(rendering.render_certificate(certificate))
    assert len(reader.pages) == 1
    assert " ".join(name.split()) in text
    assert certificate.number in text and certificate.course_title in text
    assert certificate.verification_code in text


def test_long_names_get_a_smaller_font():
    assert rendering.name_font_size("Ayu Dewi") > rendering.name_font_size("x" * 60)


def test_portrait_template_renders(enrolment):
    template = CertificateTemplateFactory(name="Tegak", orientation="portrait")
    certificate = CertificateFactory(enrolment=enrolment, template=template)
    reader, _text = pdf_text(rendering.render_certificate(certificate))
    box = reader.pages[0].mediabox
    assert box.height > box.width


@pytest.mark.parametrize(
    "name, masked",
    [
        ("Ni Luh Putu Sari", "Ni L*** P*** S***"),
        ("Ni Luh Putu Ayu Saraswati Dewi", "Ni L*** P*** A*** S*** D***"),
        ("Budi", "Budi"),
        ("  Ṣalāḥ   Nguyễn ", "Ṣalāḥ N***"),
        ("", ""),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_background_image_is_embedded(enrolment, monkeypatch):
    from certificates.demo import background_image

    template = CertificateTemplateFactory(name="Berlatar", background=background_image("Latar uji", "#0b5d5b"))
    certificate = CertificateFactory(enrolment=enrolment, template=template)
    reader, _text = pdf_text(rendering.render_certificate(certificate))
    page = reader.pages[0]
    images = [image for image in page.images if image.image.size[0] >= 1000]
    assert images, "the page background was not embedded"
