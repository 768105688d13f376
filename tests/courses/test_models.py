import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from courses.factories import SOP_002_DAY, CoursePageFactory, CourseSessionFactory, add_sop_002_day, set_seats
from courses.models import CourseIndexPage, CoursePage, CourseSession, MaterialPage, format_minutes

pytestmark = pytest.mark.django_db


def test_sop_002_training_day_is_expressible_exactly(catalogue):
    day = timezone.localdate() + datetime.timedelta(days=10)
    course = CoursePageFactory(parent=catalogue, start_date=day, end_date=day)
    add_sop_002_day(course, day)
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    assert len(course.agenda) == len(SOP_002_DAY) == 19
    assert course.total_minutes == 1215
    assert course.number_of_days == 1
    # Parallel rows (6/7) keep their own identical times.
    assert course.agenda[5].start_time == course.agenda[6].start_time
    assert format_minutes(1215) in ("20 jam 15 menit", "20 hours 15 minutes")


def test_days_count_distinct_dates(catalogue):
    course = CoursePageFactory(parent=catalogue)
    CourseSessionFactory(page=course, date=course.start_date)
    CourseSessionFactory(page=course, date=course.start_date, start_time=datetime.time(13), end_time=datetime.time(15))
    CourseSessionFactory(page=course, date=course.end_date)
    course = CoursePage.objects.get(pk=course.pk)
    assert course.number_of_days == 2
    assert course.total_minutes == 6 * 60


def test_session_must_end_after_start():
    session = CourseSession(
        date=datetime.date(2027, 1, 5), start_time=datetime.time(22), end_time=datetime.time(1), title="x"
    )
    with pytest.raises(ValidationError):
        session.clean()


def test_session_aware_datetimes_in_office_zone():
    session = CourseSession(date=datetime.date(2027, 1, 5), start_time=datetime.time(8), end_time=datetime.time(9))
    assert session.starts_at.utcoffset() == datetime.timedelta(hours=7)
    assert session.duration_minutes == 60


@pytest.mark.parametrize(
    ("start_offset", "end_offset", "opens_offset", "closes_offset", "accepted", "expected"),
    [
        (7, 8, None, None, 0, "open"),
        (7, 8, None, None, 20, "full"),
        (7, 8, 2, None, 0, "not_yet_open"),
        (7, 8, None, -1, 0, "closed"),
        (-1, 1, None, None, 0, "running"),
        (-5, -3, None, None, 0, "finished"),
    ],
)
def test_registration_state(catalogue, start_offset, end_offset, opens_offset, closes_offset, accepted, expected):
    today, now = timezone.localdate(), timezone.now()
    course = CoursePageFactory(
        parent=catalogue,
        start_date=today + datetime.timedelta(days=start_offset),
        end_date=today + datetime.timedelta(days=end_offset),
        registration_opens=now + datetime.timedelta(days=opens_offset) if opens_offset else None,
        registration_closes=now + datetime.timedelta(days=closes_offset) if closes_offset else None,
        capacity=20,
    )
    set_seats(course, accepted)
    course = CoursePage.objects.select_related("seat_count").get(pk=course.pk)
    assert course.registration_state() == expected


def test_seats_left(catalogue):
    course = CoursePageFactory(parent=catalogue, capacity=10)
    assert course.seats_left == 10
    set_seats(course, 4, waitlisted=2)
    course = CoursePage.objects.get(pk=course.pk)
    assert course.seats_left == 6 and course.waitlisted_count == 2
    course.capacity = None
    assert course.seats_left is None


def test_page_tree_rules(catalogue):
    assert CourseIndexPage.can_create_at(catalogue.get_parent().specific)
    assert CoursePage.can_create_at(catalogue)
    assert not CoursePage.can_create_at(catalogue.get_parent().specific)
    course = CoursePageFactory(parent=catalogue)
    assert MaterialPage.can_create_at(course)
