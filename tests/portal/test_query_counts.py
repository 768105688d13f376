"""At most 12 SQL queries per public page, the same with 10 and with 1,000 classes and trainers.

The page cache is switched off here: these are the queries of an uncached render (a cached one
makes none). The 1,000 pages are inserted in bulk (a few statements) so the test stays quick.
"""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from courses.models import CoursePage, CourseSession, CourseTrainer
from portal.factories import bulk_child_pages
from sops.factories import SOPIndexPageFactory, SOPPageFactory
from trainers.factories import TrainerIndexPageFactory, TrainerPageFactory
from trainers.models import TrainerPage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture
def site(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = CourseIndexPageFactory(parent=home)
    directory = TrainerIndexPageFactory(parent=home)
    sop_index = SOPIndexPageFactory(parent=home, slug="sop")
    sop = SOPPageFactory(parent=sop_index)
    start = timezone.localdate() + datetime.timedelta(days=20)
    trainer = TrainerPageFactory(parent=directory, title="Ibu Sari")
    course = CoursePageFactory(parent=catalogue, title="Kelas Kreatif Batik", start_date=start, end_date=start)
    CourseSessionFactory(page=course, date=start, trainer=trainer)
    CourseTrainer.objects.create(page=course, trainer=trainer)
    return {
        "home": home,
        "catalogue": catalogue,
        "directory": directory,
        "sop_index": sop_index,
        "sop": sop,
        "trainer": trainer,
        "course": course,
        "start": start,
    }


def grow(site, count):
    """``count`` more classes and trainers, each class with a session led by a trainer who teaches it."""
    start = site["start"]
    trainers = bulk_child_pages(
        site["directory"],
        TrainerPage,
        count,
        lambda i: {"title": f"Narasumber {i}", "slug": f"narasumber-{i}", "full_name": f"Narasumber {i}, S.Sn."},
    )
    courses = bulk_child_pages(
        site["catalogue"],
        CoursePage,
        count,
        lambda i: {
            "title": f"Kelas Kreatif {i}",
            "slug": f"kelas-kreatif-{i}",
            "summary": "Kelas kreatif",
            "start_date": start,
            "end_date": start,
        },
    )
    CourseTrainer.objects.bulk_create(
        CourseTrainer(page_id=c.pk, trainer_id=t.pk) for c, t in zip(courses, trainers, strict=True)
    )
    CourseSession.objects.bulk_create(
        CourseSession(
            page_id=c.pk,
            trainer_id=t.pk,
            date=start,
            start_time=datetime.time(9),
            end_time=datetime.time(11),
            title="Sesi",
        )
        for c, t in zip(courses, trainers, strict=True)
    )
    # The original trainer teaches every class too: their page lists them all (paginated or not).
    CourseTrainer.objects.bulk_create(CourseTrainer(page_id=c.pk, trainer_id=site["trainer"].pk) for c in courses)


def urls(site):
    return [
        site["home"].url,
        site["catalogue"].url,
        site["course"].url,
        site["directory"].url,
        site["trainer"].url,
        site["sop_index"].url,
        site["sop"].url,
        "/cari/?q=kelas+kreatif",
    ]


def count_queries(client, url):
    # Warm the layout cache (menus, settings) as every later request finds it; twice, because the
    # first visit creates the site settings rows, and saving them purges what was just cached.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.parametrize("size", [10, 1000])
def test_public_pages_need_at_most_12_queries_whatever_the_size(client, site, settings, size):
    settings.PAGE_CACHE_ENABLED = False
    grow(site, size - 1)
    assert CoursePage.objects.live().count() == size
    assert TrainerPage.objects.live().count() == size
    counts = {url: count_queries(client, url) for url in urls(site)}
    assert all(count <= MAX_QUERIES for count in counts.values()), str(counts)


def test_the_counts_do_not_grow_from_10_to_1000(client, site, settings):
    settings.PAGE_CACHE_ENABLED = False
    grow(site, 9)
    small = {url: count_queries(client, url) for url in urls(site)}
    grow(site, 990)
    large = {url: count_queries(client, url) for url in urls(site)}
    assert small == large, f"{small} != {large}"
