"""The public pages on a 360 px phone, in real Chromium: nothing scrolls sideways.

Most of the public reaches the portal on a phone; a page wider than the screen hides its right
edge (the enrol button, the verification result). Long codes and URLs must wrap and wide tables
must scroll inside their own focusable region, never the page.
"""

import datetime
import io

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Site

from sops.models import SOPPage
from tests.portal.test_setup import OFFICE

PHONE_WIDTH = 360


def scroll_width(page):
    return page.evaluate("document.scrollingElement.scrollWidth")


def wider_than_the_screen(page):
    """What sticks out, for the failure message."""
    return page.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`)""",
        PHONE_WIDTH,
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_do_not_scroll_sideways_at_360px(phone_page, login_in_browser, user_factory):
    from certificates.factories import CertificateTemplateFactory, passed_enrolment
    from certificates.services import issue_certificate
    from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
    from procedures.letters import issue_letter
    from trainers.factories import TrainerApplicationFactory, TrainerIndexPageFactory, TrainerPageFactory

    call_command("setup_portal", interactive=False, stdout=io.StringIO(), **OFFICE)
    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = home.get_children().type(CourseIndexPageFactory._meta.model).first()
    catalogue = catalogue.specific if catalogue else CourseIndexPageFactory(parent=home)
    directory = TrainerIndexPageFactory(parent=home, slug="direktori-narasumber")
    trainer = TrainerPageFactory(parent=directory, title="Dr. Ir. I Made Wirawan Kusumadinata, M.Sn.")
    start = timezone.localdate() - datetime.timedelta(days=3)
    course = CoursePageFactory(parent=catalogue, title="Tari Gandrung untuk Pemula", start_date=start, end_date=start)
    CourseSessionFactory(
        page=course,
        date=start,
        start_time=datetime.time(8),
        end_time=datetime.time(11, 30),
        title="Gerak dasar dan pola lantai Gandrung Marsan",
        trainer=trainer,
    )
    CertificateTemplateFactory(name="Default", is_default=True)
    certificate, _created = issue_certificate(passed_enrolment(course), notify=False)
    application = TrainerApplicationFactory()
    letter = issue_letter(
        kind="test",
        code="UJI",
        subject="Keputusan pendaftaran narasumber",
        addressee="I Made Wirawan\nBanyuwangi",
        body="Paragraf pertama.",
        details=[("Tautan", "https://pelatihan.dinas-kebudayaan-pariwisata.banyuwangikab.example.go.id/x")],
        case=application,
    )
    sop = SOPPage.objects.live().first()

    urls = [
        "/",
        course.url,
        "/kelas/",
        "/sop/",
        sop.url,
        certificate.get_verify_path(),
        f"/status/surat/{letter.verification_code}/",
        "/status/",
        "/narasumber/daftar/",
        "/izin-kursus/",
        "/izin-kursus/terdaftar/",
        "/permintaan-narasumber/",
        "/cari/?q=gandrung",
    ]
    page = phone_page
    page.set_default_timeout(60_000)
    too_wide = {}
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        if scroll_width(page) > PHONE_WIDTH:
            too_wide[url] = (scroll_width(page), wider_than_the_screen(page))
    # The trainer's own application page, signed in.
    login_in_browser(page, application.user)
    page.goto(f"/narasumber/daftar/{application.pk}/")
    if scroll_width(page) > PHONE_WIDTH:
        too_wide["application"] = (scroll_width(page), wider_than_the_screen(page))
    assert not too_wide, too_wide
