"""The page cache: anonymous public pages without cookies, served from the cache, purged precisely."""

import datetime

import pytest

from django.conf import settings
from django.utils import timezone

from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from courses.models import CourseTrainer
from sops.factories import SOPIndexPageFactory, SOPPageFactory
from trainers.factories import TrainerIndexPageFactory, TrainerPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = CourseIndexPageFactory(parent=home)
    start = timezone.localdate() + datetime.timedelta(days=30)
    course = CoursePageFactory(
        parent=catalogue, title="Kelas Batik", capacity=2, start_date=start, end_date=start, registration_opens=None
    )
    directory = TrainerIndexPageFactory(parent=home)
    trainer = TrainerPageFactory(parent=directory, title="Ibu Sari")
    sop_index = SOPIndexPageFactory(parent=home, slug="sop")
    sop = SOPPageFactory(parent=sop_index)
    return {
        "home": home,
        "catalogue": catalogue,
        "course": course,
        "directory": directory,
        "trainer": trainer,
        "sop_index": sop_index,
        "sop": sop,
    }


def public_urls(pages):
    return [
        pages[name].url for name in ("home", "catalogue", "course", "directory", "trainer", "sop_index", "sop")
    ] + ["/cari/?q=batik"]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def test_anonymous_public_pages_set_no_cookie_and_do_not_vary_on_cookies(client, site_pages):
    for url in public_urls(site_pages):
        response = get(client, url)
        assert not response.cookies, (url, response.cookies)
        assert "Set-Cookie" not in response.headers, url
        assert "cookie" not in response.headers.get("Vary", "").lower(), (url, response.headers.get("Vary"))
        assert "public" in response["Cache-Control"], url
        assert "max-age=30" in response["Cache-Control"]
        assert "stale-while-revalidate=60" in response["Cache-Control"]
        # The language switch is a link and the search box a GET form: no CSRF token on the page.
        assert "csrfmiddlewaretoken" not in response.content.decode(), url
        assert get(client, url)["X-Page-Cache"] == "hit", url


def test_the_cache_keeps_languages_apart(client, site_pages):
    url = site_pages["catalogue"].url
    assert '<html lang="id"' in get(client, url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = get(client, url)
    assert '<html lang="en"' in english.content.decode()
    assert english["X-Page-Cache"] == "miss"
    assert "Cookie" in english["Vary"]


def test_logged_in_visitors_post_and_the_admin_bypass_the_cache(client, site_pages, user_factory):
    url = site_pages["course"].url
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    client.force_login(user_factory())
    response = get(client, url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    client.logout()
    assert client.post(url).get("X-Page-Cache") is None


def test_a_page_with_a_form_is_not_stored(client):
    response = client.get("/akun/login/")
    assert "X-Page-Cache" not in response
    assert "csrftoken" in response.cookies
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_seats_left_are_never_stale_after_an_enrolment_decision(client, site_pages, user_factory):
    from enrolment import services
    from enrolment.factories import EnrolmentFactory, ParticipantFactory
    from procedures import services as core

    course, catalogue = site_pages["course"], site_pages["catalogue"]
    officer = user_factory(email="petugas@contoh.test", roles=["Petugas Administrasi"])
    enrolment = EnrolmentFactory(participant=ParticipantFactory(), course=course)
    core.perform(enrolment, "submit", None, system=True)
    assert "2 / 2" in get(client, course.url).content.decode()
    get(client, catalogue.url)
    assert get(client, course.url)["X-Page-Cache"] == "hit"

    services.decide(enrolment, officer)

    page = get(client, course.url)
    assert page["X-Page-Cache"] == "miss"
    assert "1 / 2" in page.content.decode()
    assert get(client, catalogue.url)["X-Page-Cache"] == "miss"


def cached(client, *urls):
    for url in urls:
        get(client, url)
        assert get(client, url)["X-Page-Cache"] == "hit", url


def state(client, url):
    return get(client, url)["X-Page-Cache"]


def test_publishing_a_class_purges_it_its_listings_home_and_search_but_not_other_pages(client, site_pages, admin_user):
    course, catalogue, home, sop = (site_pages[n] for n in ("course", "catalogue", "home", "sop"))
    cached(client, course.url, catalogue.url, home.url, "/cari/?q=batik", sop.url)
    course.title = "Kelas Batik Tulis"
    course.save_revision(user=admin_user).publish()
    assert "Kelas Batik Tulis" in get(client, course.url).content.decode()
    assert state(client, catalogue.url) == "miss"
    assert state(client, home.url) == "miss"
    assert "Kelas Batik Tulis" in get(client, "/cari/?q=batik").content.decode()
    assert state(client, sop.url) == "hit"


def test_unpublishing_and_deleting_purge_the_page_and_its_index(client, site_pages, admin_user):
    course, catalogue, sop = site_pages["course"], site_pages["catalogue"], site_pages["sop"]
    cached(client, course.url, catalogue.url, sop.url)
    course.unpublish(user=admin_user)
    assert client.get(course.url).status_code == 404
    assert "Kelas Batik" not in get(client, catalogue.url).content.decode()
    assert state(client, sop.url) == "hit"

    sop_index = site_pages["sop_index"]
    cached(client, sop_index.url)
    title = sop.title
    sop.delete()
    assert title not in get(client, sop_index.url).content.decode()


def test_moving_a_page_purges_old_and_new_parents(client, site_pages):
    sop, sop_index, home = site_pages["sop"], site_pages["sop_index"], site_pages["home"]
    other_index = SOPIndexPageFactory(parent=home, slug="sop-lain", title="SOP lain")
    cached(client, sop_index.url, other_index.url)
    sop.move(other_index, pos="last-child")
    assert sop.title not in get(client, sop_index.url).content.decode()
    assert sop.title in get(client, other_index.url).content.decode()


def test_a_session_added_purges_the_class_and_the_trainers_page(client, site_pages):
    course, trainer, directory = site_pages["course"], site_pages["trainer"], site_pages["directory"]
    cached(client, course.url, trainer.url, directory.url)
    CourseSessionFactory(page=course, date=course.start_date, title="Sesi pewarnaan alam", trainer=trainer)
    assert "Sesi pewarnaan alam" in get(client, course.url).content.decode()
    assert state(client, trainer.url) == "miss"
    assert state(client, directory.url) == "hit"


def test_a_trainer_given_a_class_has_their_page_purged(client, site_pages):
    course, trainer = site_pages["course"], site_pages["trainer"]
    cached(client, trainer.url, course.url)
    CourseTrainer.objects.create(page=course, trainer=trainer, role="Instruktur utama")
    assert "Kelas Batik" in get(client, trainer.url).content.decode()
    assert "Ibu Sari" in get(client, course.url).content.decode()


def test_publishing_a_trainer_purges_the_directory_and_class_pages(client, site_pages, admin_user):
    trainer, directory, course = site_pages["trainer"], site_pages["directory"], site_pages["course"]
    CourseTrainer.objects.create(page=course, trainer=trainer, role="Instruktur utama")
    cached(client, directory.url, course.url)
    trainer.title = trainer.full_name = "Ibu Sari Dewi"
    trainer.save_revision(user=admin_user).publish()
    assert "Ibu Sari Dewi" in get(client, directory.url).content.decode()
    assert state(client, course.url) == "miss"


def test_news_stories_and_statistics_purge_their_pages(client, site_pages, user_factory):
    from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory

    home = site_pages["home"]
    news_index = NewsIndexPageFactory(parent=home)
    cached(client, home.url, news_index.url)
    item = NewsPageFactory(parent=news_index, title="Pendaftaran kelas batik dibuka")
    assert "Pendaftaran kelas batik dibuka" in get(client, news_index.url).content.decode()
    assert state(client, home.url) == "miss"

    cached(client, news_index.url)
    NewsCategoryFactory(name="Pengumuman")
    assert state(client, news_index.url) == "miss"
    assert item.pk

    # An alumni story shows under its class; an enrolment changes the public statistics.
    from enrolment.factories import EnrolmentFactory, ParticipantFactory
    from public_statistics.factories import StatisticsPageFactory
    from stories.factories import AlumniStoryFactory

    statistics = StatisticsPageFactory(parent=home)
    course = site_pages["course"]
    cached(client, course.url, statistics.url, site_pages["sop"].url)
    enrolment = EnrolmentFactory(participant=ParticipantFactory(user=user_factory()), course=course)
    assert state(client, statistics.url) == "miss"
    cached(client, course.url)
    AlumniStoryFactory(enrolment=enrolment)
    assert state(client, course.url) == "miss"
    assert state(client, site_pages["sop"].url) == "hit"


def test_the_office_settings_purge_every_page(client, site_pages):
    from portal.models import OfficeSettings

    cached(client, site_pages["sop"].url, site_pages["home"].url)
    office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    office.office_name = "Dinas Baru"
    office.save()
    assert "Dinas Baru" in get(client, site_pages["sop"].url).content.decode()
    assert state(client, site_pages["home"].url) == "miss"


def test_a_visitor_with_a_message_waiting_bypasses_the_cache(client, site_pages):
    url = site_pages["sop"].url
    cached(client, url)
    client.cookies["messages"] = "pending"
    assert "X-Page-Cache" not in get(client, url)
