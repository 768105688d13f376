"""A shared class link shows its card, and the poster's QR code leads to the enrol page."""

import io
from urllib.parse import urlsplit

import pytest
from PIL import Image

from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from portal.images import wagtail_image
from tests.sharing.conftest import decode_qr_codes


@pytest.fixture
def shared_class(db):
    home = Site.objects.get(is_default_site=True).root_page
    return CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home),
        title="Tari Gandrung untuk Pemula",
        summary="Gerak dasar Gandrung bersama penari senior.",
        image=wagtail_image("Gandrung untuk kartu"),
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_shared_class_link_shows_its_card(phone_page, shared_class):
    page = phone_page
    page.goto(shared_class.url)
    meta = {
        key: page.locator(f"meta[{attr}='{key}']").get_attribute("content")
        for attr, key in [
            ("property", "og:title"),
            ("property", "og:description"),
            ("property", "og:image"),
            ("property", "og:url"),
            ("name", "twitter:card"),
            ("name", "twitter:image"),
        ]
    }
    assert meta["og:title"] == "Tari Gandrung untuk Pemula"
    assert meta["og:description"] == "Gerak dasar Gandrung bersama penari senior."
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    assert urlsplit(meta["og:url"]).path == shared_class.url

    # A crawler fetches the image from the address in the tag.
    image_path = urlsplit(meta["og:image"])
    response = page.request.get(f"{image_path.path}?{image_path.query}")
    assert response.status == 200
    assert response.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(response.body())) as picture:
        assert picture.size == (1200, 630)
        assert picture.getpixel((20, 300)) == (0x0B, 0x5D, 0x5B)  # the office's main colour


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_poster_qr_code_opens_the_enrol_page(browser_page, shared_class, login_in_browser, user_factory):
    page = browser_page
    login_in_browser(page, user_factory(email="calon.peserta@contoh.test"))
    page.goto(shared_class.url)
    href = page.locator("a[href*='/bagikan/poster/']").get_attribute("href")
    response = page.request.get(href)
    assert response.headers["content-type"] == "application/pdf"
    [target] = decode_qr_codes(response.body())
    assert target.endswith(f"/peserta/daftar/{shared_class.pk}/")
    page.goto(urlsplit(target).path)
    assert urlsplit(page.url).path == f"/peserta/daftar/{shared_class.pk}/"
    assert "Tari Gandrung untuk Pemula" in page.content()
