import pytest

from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from portal.images import wagtail_image


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def course(home):
    catalogue = CourseIndexPageFactory(parent=home)
    return CoursePageFactory(
        parent=catalogue,
        title="Batik Gajah Oling",
        summary="Membatik motif khas Banyuwangi.",
        image=wagtail_image("Batik untuk kartu"),
    )


def decode_qr_codes(pdf_bytes):
    """Texts of every QR code among the PDF's images (zxing-cpp reads the embedded bitmap)."""
    import io

    import zxingcpp
    from pypdf import PdfReader

    texts = []
    for page in PdfReader(io.BytesIO(pdf_bytes)).pages:
        for image in page.images:
            texts += [result.text for result in zxingcpp.read_barcodes(image.image)]
    return texts
