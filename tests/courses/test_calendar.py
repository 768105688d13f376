import datetime

import pytest
from icalendar import Calendar

from courses.factories import CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def test_class_and_session_ics(client, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Tata Kelola Koperasi")
    first = CourseSessionFactory(
        page=course, title="Prinsip koperasi", start_time=datetime.time(8), end_time=datetime.time(10)
    )
    CourseSessionFactory(
        page=course, title="Rapat anggota", start_time=datetime.time(10, 15), end_time=datetime.time(12)
    )

    response = client.get(f"/kelas/{course.pk}/kalender.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert events[0]["DTSTART"].dt.hour == 8
    assert events[0]["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert calendar.walk("VTIMEZONE")

    single = Calendar.from_ical(client.get(f"/kelas/sesi/{first.pk}.ics").content)
    assert [str(e["SUMMARY"]) for e in single.walk("VEVENT")] == ["Prinsip koperasi – Tata Kelola Koperasi"]


def test_unpublished_class_calendar_is_404(client, catalogue):
    course = CoursePageFactory(parent=catalogue)
    session = CourseSessionFactory(page=course)
    course.unpublish()
    assert client.get(f"/kelas/{course.pk}/kalender.ics").status_code == 404
    assert client.get(f"/kelas/sesi/{session.pk}.ics").status_code == 404
    assert client.get("/kelas/sesi/999999.ics").status_code == 404
