"""What a visitor meets before signing in: service pages, the footer, the favicon, the hero."""

import re

import pytest
from PIL import Image

from django.conf import settings

from wagtail.models import Site

from portal.images import draw_picture
from sops.factories import SOPIndexPageFactory, SOPPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def indonesian(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1]


def test_footer_lists_status_check_once_and_links_the_licence_register(client):
    html = footer(client.get("/").content.decode())
    assert len(re.findall(r'href="/status/"', html)) == 1
    assert 'href="/izin-kursus/terdaftar/"' in html


@pytest.mark.parametrize(
    ("url", "procedure_code", "words"),
    [
        ("/narasumber/daftar/", "trainer_registration", ["Daftar sebagai narasumber", "CV dalam bentuk PDF"]),
        ("/izin-kursus/", "course_licence", ["Izin Penyelenggaraan Kursus", 'href="/izin-kursus/terdaftar/"']),
    ],
)
def test_services_explain_themselves_before_sign_in(client, url, procedure_code, words):
    """Who it is for, what to prepare, the live SOP's steps and times, what you get, then sign in."""
    home = Site.objects.get(is_default_site=True).root_page
    sop = SOPPageFactory(parent=SOPIndexPageFactory(parent=home), procedure_code=procedure_code)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Untuk siapa", "Yang perlu disiapkan", "Langkah dan waktu standar", "Yang Saudara peroleh", *words]:
        assert text in html, text
    for step in sop.ordered_steps():
        assert step.time_display in html
    assert f'href="{sop.url}"' in html
    assert f'href="/akun/login/?next={url}"' in html
    assert f'href="/akun/signup/?next={url}"' in html


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content if icon.streaming else [icon.content])[:4] == b"\x00\x00\x01\x00"


def test_hero_picture_has_no_words_baked_in():
    """The home hero's heading is real text; white caption letters would run behind it."""

    def has_white(image):
        return any(pixel == (255, 255, 255) for pixel in image.convert("RGB").getdata())

    assert has_white(draw_picture("Kelas Kreatif Banyuwangi", (600, 250)))
    assert not has_white(draw_picture("Kelas Kreatif Banyuwangi", (600, 250), caption=False))
    assert isinstance(draw_picture("x", (10, 10), caption=False), Image.Image)


def test_every_scroll_container_can_be_reached_by_keyboard():
    """axe's scrollable-region-focusable: a region that scrolls must take the focus (and be named)."""
    from pathlib import Path

    templates = Path(settings.BASE_DIR) / "templates"
    missing = []
    for template in templates.rglob("*.html"):
        for tag in re.findall(r"<div [^>]*class=\"table-scroll[^>]*>", template.read_text()):
            if 'tabindex="0"' not in tag or "aria-label" not in tag:
                missing.append(f"{template.relative_to(templates)}: {tag}")
    assert not missing, missing
