import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from django.conf import settings

from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.models import OfficeSettings
from sharing.cards import card_for, poster_for
from sharing.models import SharedAsset, ShareStyle
from tests.sharing.conftest import decode_qr_codes
from trainers.factories import TrainerIndexPageFactory, TrainerPageFactory

pytestmark = pytest.mark.django_db


def _meta(html, name):
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_class_page_carries_open_graph_and_twitter_tags(client, course):
    response = client.get(course.url)
    html = response.content.decode()
    assert _meta(html, "og:title") == "Batik Gajah Oling"
    assert _meta(html, "og:description") == "Membatik motif khas Banyuwangi."
    assert _meta(html, "og:url") == course.full_url
    assert _meta(html, "twitter:card") == "summary_large_image"
    image_url = _meta(html, "og:image")
    assert image_url.startswith(f"http://testserver/bagikan/kartu/{course.pk}.png?v=")
    assert _meta(html, "twitter:image") == image_url
    assert (_meta(html, "og:image:width"), _meta(html, "og:image:height")) == ("1200", "630")

    card = client.get(image_url.replace("http://testserver", ""))
    assert card["Content-Type"] == "image/png"
    assert "public" in card["Cache-Control"]
    picture = Image.open(io.BytesIO(b"".join(card.streaming_content)))
    assert picture.size == (1200, 630)
    assert not card.cookies


def test_trainer_and_news_pages_get_cards_too(client, home):
    trainer = TrainerPageFactory(parent=TrainerIndexPageFactory(parent=home), full_name="Putu Ayu Saraswati, S.Sn.")
    index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=index, title="Festival Gandrung Sewu")
    html = client.get(news.url).content.decode()
    assert _meta(html, "og:type") == "article"
    assert f"/bagikan/kartu/{news.pk}.png" in _meta(html, "og:image")
    html = client.get(trainer.url).content.decode()
    assert _meta(html, "og:type") == "profile"
    assert f"/bagikan/kartu/{trainer.pk}.png" in _meta(html, "og:image")
    assert client.get(f"/bagikan/kartu/{trainer.pk}.png").status_code == 200


def test_other_pages_have_no_card(client, home):
    assert _meta(client.get(home.url).content.decode(), "og:image") is None
    assert client.get(f"/bagikan/kartu/{home.pk}.png").status_code == 404


def test_drafts_have_no_public_card_or_poster(client, course):
    course.unpublish()
    assert client.get(f"/bagikan/kartu/{course.pk}.png").status_code == 404
    assert client.get(f"/bagikan/poster/{course.pk}.pdf").status_code == 404


def test_card_is_cached_and_redrawn_when_the_page_is_published(course, django_capture_on_commit_callbacks):
    first = card_for(course)
    assert card_for(course).file.name == first.file.name  # cached: not drawn again
    old_path = first.file.path

    course.title = "Batik Gajah Oling Angkatan II"
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    asset = SharedAsset.objects.get(page=course, kind="card")
    assert asset.file.name != first.file.name
    assert asset.fingerprint != first.fingerprint
    import os

    assert not os.path.exists(old_path)  # the stale file is gone


def test_card_follows_the_office_identity(course):
    first = card_for(course)
    style = ShareStyle.for_site(course.get_site())
    style.primary_colour = "#7a306c"
    style.save()
    second = card_for(course)
    assert second.fingerprint != first.fingerprint
    with Image.open(second.file.path) as picture:
        assert picture.getpixel((20, 300)) == (0x7A, 0x30, 0x6C)
    office = OfficeSettings.for_site(course.get_site())
    office.unit_name = "UPT Pelatihan Kerja"
    office.save()
    assert card_for(course).fingerprint != second.fingerprint


def test_poster_is_an_a4_pdf_whose_qr_code_opens_the_enrol_page(client, course):
    response = client.get(f"/bagikan/poster/{course.pk}.pdf")
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = reader.pages[0].extract_text()
    assert "Batik Gajah Oling" in text
    assert "Pindai untuk mendaftar" in text
    enrol_url = f"{settings.PORTAL_BASE_URL}/peserta/daftar/{course.pk}/"
    assert decode_qr_codes(pdf) == [enrol_url]


def test_poster_is_cached_until_the_class_changes(course):
    first = poster_for(course)
    assert poster_for(course).file.name == first.file.name
    course.location_name = "Pendopo Sabha Swagata Blambangan"
    course.save_revision().publish()
    assert poster_for(course).file.name != first.file.name


def test_class_page_links_its_poster(client, course):
    html = client.get(course.url).content.decode()
    assert f"/bagikan/poster/{course.pk}.pdf" in html
