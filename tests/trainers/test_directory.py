"""The public directory, profiles, schedule sources, the .ics feed and the admin schedule panel."""

import datetime

import pytest
from icalendar import Calendar

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail import hooks

from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from courses.models import CourseTrainer
from portal.images import wagtail_image
from trainers.factories import TrainerPageFactory
from trainers.hooks import TRAINER_SCHEDULE_SOURCE
from trainers.schedule import ScheduleItem, busy_times, ics_token, trainer_schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainers(directory, categories, user_factory):
    made = TrainerPageFactory(
        parent=directory,
        title="Made Wirawan",
        full_name="Dr. Ir. Made Wirawan, M.Sn.",
        regency="Kota Denpasar",
        topics="Koreografi tari kreasi",
        expertise=[categories["tari"]],
        photo=wagtail_image("Foto Made", "MW", size=(200, 200)),
        user=user_factory(email="made@contoh.test"),
    )
    nur = TrainerPageFactory(
        parent=directory,
        title="Nur Aini",
        full_name="Nur Aini, S.T., M.Ds.",
        regency="Kabupaten Banyuwangi",
        topics="Batik tulis",
        expertise=[categories["kriya"]],
    )
    draft = TrainerPageFactory(parent=directory, title="Belum Terbit", live=False)
    return made, nur, draft


def names(response):
    return [page.title for page in response.context["trainers"]]


def test_filters_by_expertise_regency_and_text(client, trainers):
    assert names(client.get("/narasumber/")) == ["Made Wirawan", "Nur Aini"], "drafts are not listed"
    assert names(client.get("/narasumber/?keahlian=kriya")) == ["Nur Aini"]
    assert names(client.get("/narasumber/?wilayah=Kota+Denpasar")) == ["Made Wirawan"]
    assert names(client.get("/narasumber/?q=batik")) == ["Nur Aini"]
    assert names(client.get("/narasumber/?q=tari+koreografi")) == ["Made Wirawan"]
    assert client.get("/narasumber/?keahlian=tidak-ada&page=99").status_code == 200


def test_profile_shows_public_data_only_and_the_request_button(client, trainers, application_at, directory, staff):
    from accounts import roles
    from procedures import services

    application = application_at("decision", full_name="Ketut Arsana, S.Sn.", phone="081299998888")
    services.perform(application, "approve", staff[roles.HEAD_OF_UNIT])
    page = application.trainer_page
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "Ketut Arsana, S.Sn." in body
    for private in (application.nik, "081299998888", application.address, application.applicant_email):
        assert private not in body
    assert f"/permintaan-narasumber/?narasumber={page.pk}" in body
    index = client.get("/narasumber/").content.decode()
    assert application.nik not in index and "081299998888" not in index


def test_classes_taught_and_schedule(client, trainers, home):
    made, nur, _draft = trainers
    catalogue = CourseIndexPageFactory(parent=home)
    start = timezone.localdate() + datetime.timedelta(days=5)
    course = CoursePageFactory(parent=catalogue, title="Tari Gandrung", start_date=start, end_date=start)
    CourseSessionFactory(page=course, date=start, trainer=made, title="Gerak dasar")
    other = CoursePageFactory(parent=catalogue, title="Batik Gajah Oling", start_date=start, end_date=start)
    CourseTrainer.objects.create(page=other, trainer=nur)
    CourseSessionFactory(page=other, date=start, title="Mencanting")
    body = client.get(made.url).content.decode()
    assert "Tari Gandrung" in body and "Batik Gajah Oling" not in body
    items = trainer_schedule(made, start, start)
    assert [(i.kind, i.title) for i in items] == [("session", "Gerak dasar – Tari Gandrung")]
    assert all(i.start.tzinfo is not None for i in items)
    nur_items = trainer_schedule(nur, start, start)
    assert [(i.kind, i.title) for i in nur_items] == [("class", "Batik Gajah Oling")]


def test_other_apps_add_schedule_sources(trainers):
    made = trainers[0]
    when = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)

    def assignments(trainer_ids, start, end):
        return [
            (pk, ScheduleItem(when, when + datetime.timedelta(hours=2), "Permintaan desa", "assignment"))
            for pk in trainer_ids
        ]

    with hooks.register_temporarily(TRAINER_SCHEDULE_SOURCE, assignments):
        items = trainer_schedule(made, timezone.localdate(), timezone.localdate() + datetime.timedelta(days=7))
        both = busy_times([made.pk, trainers[1].pk], timezone.localdate(), timezone.localdate())
    assert [i.title for i in items] == ["Permintaan desa"]
    assert set(both) == {made.pk, trainers[1].pk}, "every trainer asked for gets an answer, busy or not"


def test_ics_feed_with_a_signed_token(client, trainers, home):
    made = trainers[0]
    catalogue = CourseIndexPageFactory(parent=home)
    start = timezone.localdate() + datetime.timedelta(days=3)
    course = CoursePageFactory(parent=catalogue, title="Tari Gandrung", start_date=start, end_date=start)
    CourseSessionFactory(page=course, date=start, trainer=made, title="Gerak dasar")
    response = client.get(f"/narasumber/jadwal/{ics_token(made)}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Gerak dasar – Tari Gandrung"]
    assert client.get(f"/narasumber/jadwal/{made.pk}.ics").status_code == 404
    assert client.get(f"/narasumber/jadwal/{ics_token(made)[:-2]}xx.ics").status_code == 404


def test_member_area_shows_schedule_and_feed(client, trainers):
    made = trainers[0]
    client.force_login(made.user)
    body = client.get("/saya/").content.decode()
    assert ics_token(made) in body
    assert f"/narasumber/perbarui/{made.pk}/" in body


def test_admin_edit_form_shows_the_schedule_panel(client, trainers, user_factory, home):
    made = trainers[0]
    catalogue = CourseIndexPageFactory(parent=home)
    start = timezone.localdate() + datetime.timedelta(days=10)
    course = CoursePageFactory(parent=catalogue, title="Tari Gandrung", start_date=start, end_date=start)
    CourseSessionFactory(page=course, date=start, trainer=made, title="Gerak dasar")
    admin = user_factory(email="admin@contoh.test", is_superuser=True, is_staff=True)
    client.force_login(admin)
    body = client.get(f"/admin/pages/{made.pk}/edit/").content.decode()
    assert "Gerak dasar – Tari Gandrung" in body


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_index_query_count_does_not_grow(client, directory, categories):
    def add(n, offset):
        for i in range(n):
            TrainerPageFactory(
                parent=directory,
                title=f"Narasumber {offset + i:03d}",
                expertise=[categories["tari"], categories["kriya"]],
                photo=wagtail_image(f"Foto {offset + i}", "N", size=(64, 64)),
            )

    add(10, 0)
    client.get("/narasumber/")  # renditions are created on the first view
    ten = count_queries(client, "/narasumber/")
    add(30, 100)
    client.get("/narasumber/")
    client.get("/narasumber/?page=2")
    client.get("/narasumber/?page=3")
    forty = count_queries(client, "/narasumber/")
    assert forty == ten, (ten, forty)


def test_page_tree_rules_and_reserved_slugs(directory):
    from django.core.exceptions import ValidationError

    from home.models import HomePage
    from trainers.models import TrainerIndexPage, TrainerPage

    assert TrainerPage.parent_page_types == ["trainers.TrainerIndexPage"]
    assert TrainerIndexPage.parent_page_types == ["home.HomePage"]
    assert TrainerIndexPage.can_create_at(HomePage()) is False, "one directory only"
    page = TrainerPage(title="Daftar", slug="daftar", full_name="Daftar")
    with pytest.raises(ValidationError):
        page.clean()
