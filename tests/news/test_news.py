import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from home.models import HomePage
from news.factories import NewsCategoryFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage, NewsPageForm, NewsRelatedClass
from portal.images import wagtail_image

pytestmark = pytest.mark.django_db


def test_news_lives_under_its_index_and_the_index_under_home(home, news_index):
    assert NewsIndexPage.can_create_at(home)
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home)
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_subpage_models() == []
    assert HomePage in NewsIndexPage.allowed_parent_page_models()


def test_index_lists_newest_first_filters_by_category_and_hides_drafts(client, news_index):
    events = NewsCategoryFactory(name="Kegiatan")
    NewsPageFactory(parent=news_index, title="Lama", date=timezone.localdate() - datetime.timedelta(days=9))
    NewsPageFactory(parent=news_index, title="Baru", category=events)
    NewsPageFactory(parent=news_index, title="Konsep", live=False)

    html = client.get(news_index.url).content.decode()
    assert html.index("Baru") < html.index("Lama")
    assert "Konsep" not in html
    filtered = client.get(news_index.url, {"kategori": "kegiatan"}).content.decode()
    assert "Baru" in filtered and "Lama" not in filtered


def test_pinned_announcement_leads_until_its_end_date_in_office_time(client, home, news_index):
    # The pin ends at 17:00 Jakarta time (10:00 UTC).
    ends = datetime.datetime(2027, 3, 1, 17, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    with time_machine.travel(datetime.datetime(2027, 2, 20, 3, 0, tzinfo=datetime.UTC), tick=False):
        NewsPageFactory(parent=news_index, title="Berita terbaru", date=datetime.date(2027, 2, 20))
        NewsPageFactory(
            parent=news_index,
            title="Pengumuman penting",
            kind="announcement",
            date=datetime.date(2027, 1, 2),
            pinned=True,
            pinned_until=ends,
        )
        html = client.get(home.url).content.decode()
        assert html.index("Pengumuman penting") < html.index("Berita terbaru")
        assert list(NewsPage.objects.pinned()) == [NewsPage.objects.get(title="Pengumuman penting")]
    with time_machine.travel(datetime.datetime(2027, 3, 1, 9, 59, tzinfo=datetime.UTC), tick=False):
        assert NewsPage.objects.pinned().count() == 1
    with time_machine.travel(datetime.datetime(2027, 3, 1, 10, 1, tzinfo=datetime.UTC), tick=False):
        assert NewsPage.objects.pinned().count() == 0
        html = client.get(news_index.url).content.decode()
        assert html.index("Berita terbaru") < html.index("Pengumuman penting")


def test_pinning_needs_an_end_date():
    form_class = NewsPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, NewsPageForm)
    form = form_class(
        data={
            "title": "Libur",
            "slug": "libur",
            "kind": "announcement",
            "date": "2027-01-01",
            "summary": "x",
            "pinned": "on",
            "body-count": "0",
            "related_classes-TOTAL_FORMS": "0",
            "related_classes-INITIAL_FORMS": "0",
            "related_classes-MIN_NUM_FORMS": "0",
            "related_classes-MAX_NUM_FORMS": "1000",
        },
        instance=NewsPage(),
        for_user=None,
    )
    assert not form.is_valid()
    assert "pinned_until" in form.errors


def test_article_shows_its_image_and_related_classes(client, news_index, home):
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue, title="Batik Gajah Oling")
    item = NewsPageFactory(parent=news_index, title="Kelas batik dibuka", image=wagtail_image("Batik demo"))
    NewsRelatedClass.objects.create(page=item, course=course)
    html = client.get(item.url).content.decode()
    assert "Batik Gajah Oling" in html
    assert course.url in html
    assert "<img" in html


def test_rss_and_atom_feeds_carry_the_live_items(client, news_index):
    NewsPageFactory(parent=news_index, title="Festival Gandrung Sewu", summary="Alumni menari di Pantai Boom.")
    NewsPageFactory(parent=news_index, title="Belum terbit", live=False)

    rss = client.get(news_index.url + "feed/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Festival Gandrung Sewu"]
    assert channel.find("item").findtext("link").endswith("/berita/festival-gandrung-sewu/")

    atom = client.get(news_index.url + "feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(atom.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [entry.findtext("a:title", namespaces=ns) for entry in root.findall("a:entry", ns)] == [
        "Festival Gandrung Sewu"
    ]
    assert "Alumni menari" in atom.content.decode()


def _home_queries(client, url):
    client.get(url)  # warm the site and settings caches
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_home_news_panel_does_not_grow_with_content(client, home, news_index):
    NewsPageFactory(parent=news_index, image=wagtail_image("Satu"))
    few = _home_queries(client, home.url)
    for n in range(8):
        NewsPageFactory(parent=news_index, image=wagtail_image(f"Gambar {n}"), category=NewsCategoryFactory())
    assert _home_queries(client, home.url) == few
