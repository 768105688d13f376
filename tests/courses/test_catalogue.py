import datetime

import pytest
from wagtail_factories import ImageFactory

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.signal_handlers import disable_reference_index_auto_update

from categories.factories import CategoryFactory
from courses.factories import CoursePageFactory, CourseSessionFactory, set_seats
from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def _shift(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def classes(catalogue):
    tari = CategoryFactory(name="Seni Tari", slug="seni-tari")
    kriya = CategoryFactory(name="Kriya", slug="kriya")
    return {
        "gandrung": CoursePageFactory(
            parent=catalogue,
            title="Tari Gandrung untuk Pemula",
            category=tari,
            start_date=_shift(10),
            end_date=_shift(11),
        ),
        "batik": CoursePageFactory(
            parent=catalogue,
            title="Batik Gajah Oling",
            category=kriya,
            start_date=_shift(40),
            end_date=_shift(42),
            mode=CoursePage.Mode.BLENDED,
        ),
        "anyaman": CoursePageFactory(
            parent=catalogue,
            title="Anyaman Bambu",
            category=kriya,
            start_date=_shift(-1),
            end_date=_shift(1),
        ),
        "lama": CoursePageFactory(
            parent=catalogue,
            title="Tari Jejer Lanjutan",
            category=tari,
            start_date=_shift(-30),
            end_date=_shift(-29),
        ),
    }


def titles(response):
    return [course.title for course in response.context["courses"]]


def test_catalogue_lists_and_orders_classes(client, catalogue, classes):
    response = client.get(catalogue.url)
    assert response.status_code == 200
    # Running and upcoming by start date, finished last.
    assert titles(response) == [
        "Anyaman Bambu",
        "Tari Gandrung untuk Pemula",
        "Batik Gajah Oling",
        "Tari Jejer Lanjutan",
    ]
    assert "Pendaftaran dibuka" in response.content.decode() or "Registration open" in response.content.decode()


def test_filters_combine_in_query_string(client, catalogue, classes):
    month = _shift(40).strftime("%Y-%m")
    response = client.get(catalogue.url, {"category": "kriya", "month": month})
    assert "Batik Gajah Oling" in titles(response)
    assert "Tari Gandrung untuk Pemula" not in titles(response)
    assert len(response.context["active_filters"]) == 2
    assert client.get(catalogue.url, {"mode": "blended"}).context["courses"].paginator.count == 1
    assert titles(client.get(catalogue.url, {"status": "running"})) == ["Anyaman Bambu"]
    assert titles(client.get(catalogue.url, {"status": "finished"})) == ["Tari Jejer Lanjutan"]
    assert set(titles(client.get(catalogue.url, {"status": "upcoming"}))) == {
        "Tari Gandrung untuk Pemula",
        "Batik Gajah Oling",
    }
    assert titles(client.get(catalogue.url, {"q": "gandrung"})) == ["Tari Gandrung untuk Pemula"]


def test_registration_open_filter_excludes_closed_window(client, catalogue, classes):
    batik = classes["batik"]
    batik.registration_closes = timezone.now() - datetime.timedelta(hours=1)
    batik.save_revision().publish()
    assert titles(client.get(catalogue.url, {"status": "open"})) == ["Tari Gandrung untuk Pemula"]


def test_bad_filter_values_do_not_break_the_page(client, catalogue, classes):
    response = client.get(catalogue.url, {"month": "2026-13", "status": "zzz", "page": "x", "category": "nope"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors
    assert client.get(catalogue.url, {"page": 999}).status_code == 200


def test_pagination_twelve_per_page(client, catalogue):
    category = CategoryFactory(name="Kriya", slug="kriya")
    for i in range(13):
        CoursePageFactory(parent=catalogue, title=f"Kelas {i}", category=category)
    first = client.get(catalogue.url, {"category": "kriya"})
    assert len(first.context["courses"].object_list) == 12
    second = client.get(catalogue.url, {"category": "kriya", "page": 2})
    assert len(second.context["courses"].object_list) == 1
    assert "category=kriya&amp;page=2" in first.content.decode()


def test_class_page_shows_agenda_seats_and_calendar_links(client, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Foto Produk dengan Ponsel", capacity=15)
    session = CourseSessionFactory(page=course, title="Dasar pencahayaan")
    set_seats(course, 5)
    response = client.get(course.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dasar pencahayaan" in body
    assert "10 / 15" in body
    assert f"/kelas/{course.pk}/kalender.ics" in body
    assert f"/kelas/sesi/{session.pk}.ics" in body
    assert "enrol-box" in body


def _count(client, url, data=None):
    client.get(url, data)  # warm up: renditions and caches are created on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries)


def _make_classes(catalogue, categories, images, start, stop):
    # The admin's reference index plays no part in the public pages measured here; skipping its
    # update on every save keeps 200 classes quick to build.
    with disable_reference_index_auto_update():
        for i in range(start, stop):
            course = CoursePageFactory(
                parent=catalogue,
                title=f"Kelas Kreatif {i}",
                category=categories[i % len(categories)],
                image=images[i % len(images)],
                summary=f"Kelas kreatif nomor {i}",
            )
            CourseSessionFactory(page=course)
            if i % 3 == 0:
                set_seats(course, 3)


def test_query_counts_do_not_grow_with_classes(client, catalogue):
    categories = [CategoryFactory(name=f"Kategori {i}", slug=f"kategori-{i}") for i in range(3)]
    images = [ImageFactory(title=f"Gambar {i}") for i in range(3)]
    _make_classes(catalogue, categories, images, 0, 10)
    probe = CoursePage.objects.get(title="Kelas Kreatif 3")
    small = (
        _count(client, catalogue.url),
        _count(client, probe.url),
        _count(client, "/cari/", {"q": "kelas kreatif"}),
    )
    _make_classes(catalogue, categories, images, 10, 200)
    large = (
        _count(client, catalogue.url),
        _count(client, probe.url),
        _count(client, "/cari/", {"q": "kelas kreatif"}),
    )
    assert small == large


def test_pages_speak_indonesian_by_default_and_english_on_request(client, catalogue, classes):
    course = classes["gandrung"]
    CourseSessionFactory(page=course, title="Gerak dasar")
    indonesian = client.get(catalogue.url).content.decode()
    assert "Tampilkan kelas" in indonesian and "Pendaftaran dibuka" in indonesian
    assert "Agenda" in client.get(course.url).content.decode()
    assert "Sisa kursi" in client.get(course.url).content.decode()
    assert "Cari kelas, narasumber" in client.get("/cari/", {"q": "gandrung"}).content.decode()

    client.cookies["portal_language"] = "en"
    english = client.get(catalogue.url).content.decode()
    assert "Show classes" in english and "Registration open" in english
    assert "Seats left" in client.get(course.url).content.decode()
    assert "Search classes, trainers" in client.get("/cari/", {"q": "gandrung"}).content.decode()
