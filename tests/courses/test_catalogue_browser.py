"""The public catalogue journey in a real browser: filter, open a class, download a material."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Site

from categories.factories import CategoryFactory
from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    MaterialAttachmentFactory,
    MaterialPageFactory,
)
from courses.models import CourseSession, CourseTrainer
from trainers.factories import TrainerIndexPageFactory, TrainerPageFactory


def _build_catalogue():
    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = CourseIndexPageFactory(parent=home)
    tari = CategoryFactory(name="Seni Tari", slug="seni-tari")
    kriya = CategoryFactory(name="Kriya", slug="kriya")
    start = timezone.localdate() + datetime.timedelta(days=40)
    later = start + datetime.timedelta(days=62)
    CoursePageFactory(parent=catalogue, title="Tari Gandrung untuk Pemula", category=tari, start_date=start)
    CoursePageFactory(parent=catalogue, title="Anyaman Bambu", category=kriya, start_date=later)
    batik = CoursePageFactory(parent=catalogue, title="Batik Gajah Oling", category=kriya, start_date=start)

    trainer = TrainerPageFactory(parent=TrainerIndexPageFactory(parent=home), title="Sri Wahyuni")
    batik.course_trainers.add(CourseTrainer(trainer=trainer, role="Instruktur utama"))
    batik.save_revision().publish()
    CourseSessionFactory(page=batik, title="Mengenal canting dan malam", trainer=trainer)
    CourseSessionFactory(
        page=batik, title="Praktik mencanting", start_time=datetime.time(10, 15), end_time=datetime.time(12, 0)
    )
    CourseSessionFactory(
        page=batik,
        title="Istirahat",
        kind=CourseSession.Kind.BREAK,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(10, 15),
    )
    material = MaterialPageFactory(parent=batik, title="Modul Motif Gajah Oling")
    MaterialAttachmentFactory(page=material, title="Pola motif (PDF)")
    return catalogue, start


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browse_filter_open_class_and_download_material(browser_page):
    catalogue, start = _build_catalogue()
    page = browser_page

    page.goto(catalogue.url)
    assert page.locator(".course-cards > li").count() == 3

    page.select_option("#id_category", "kriya")
    page.fill("#id_month", start.strftime("%Y-%m"))
    page.get_by_role("button", name="Tampilkan kelas").click()
    page.wait_for_url("**/kelas/?*")
    assert "category=kriya" in page.url
    cards = page.locator(".course-cards > li")
    assert cards.count() == 1
    assert "Batik Gajah Oling" in cards.first.inner_text()
    assert "1 kelas ditemukan" in page.locator("#result-count").inner_text()

    cards.first.get_by_role("link", name="Batik Gajah Oling").click()
    page.wait_for_url("**/kelas/batik-gajah-oling/")
    assert page.get_by_role("heading", level=1).inner_text() == "Batik Gajah Oling"
    agenda = page.locator("table").first.inner_text()
    assert agenda.index("Mengenal canting dan malam") < agenda.index("Istirahat") < agenda.index("Praktik mencanting")
    trainer_link = page.locator(".course-trainers").get_by_role("link", name="Sri Wahyuni")
    assert trainer_link.is_visible()

    page.get_by_role("link", name="Modul Motif Gajah Oling").click()
    page.wait_for_url("**/modul-motif-gajah-oling/")
    link = page.get_by_role("link", name="Pola motif (PDF)")
    href = link.get_attribute("href")
    assert "/media/" not in href
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"
    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
