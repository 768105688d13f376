"""Trainer conflicts everywhere: naming a session's trainer in the class editor runs the same
availability check as the assignment of resource persons, warns, and asks for a reason to override."""

import datetime

import pytest

from django.utils import translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import trainer_requests.services
import trainers.schedule
from accounts import roles
from courses.factories import CoursePageFactory, CourseSessionFactory
from courses.models import CoursePage, CourseSession
from trainer_requests.factories import make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English messages."""
    with translation.override("en"):
        yield


def test_one_availability_function_for_requests_and_classes():
    assert trainer_requests.services.check_availability is trainers.schedule.check_availability


@pytest.fixture
def trainer():
    return make_trainer("Dr. Made Wirawan, M.M.")


@pytest.fixture
def busy_day(catalogue, trainer):
    """The trainer leads a session of another published class from 09.00 to 11.00 on this day."""
    other = CoursePageFactory(parent=catalogue, title="Kelas Batik Gajah Oling")
    CourseSessionFactory(
        page=other, date=other.start_date, start_time=datetime.time(9), end_time=datetime.time(11), trainer=trainer
    )
    return other.start_date


def editor_data(page, sessions):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "category": page.category_id,
            "level": page.level,
            "body": streamfield([]),
            "start_date": page.start_date.isoformat(),
            "end_date": page.end_date.isoformat(),
            "mode": page.mode,
            "location_name": page.location_name,
            "cost": 0,
            "course_trainers": inline_formset([]),
            "sessions": inline_formset(sessions),
            "comments": inline_formset([]),
        }
    )


def session(day, trainer, start="10:00", end="12:00", reason=""):
    return {
        "date": day.isoformat(),
        "start_time": start,
        "end_time": end,
        "title": "Praktik pewarnaan",
        "kind": "material",
        "trainer": trainer.pk,
        "room": "",
        "override_reason": reason,
    }


def editor_form(page, data, user):
    form_class = CoursePage.get_edit_handler().get_form_class()
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=user)


def test_a_conflicting_session_trainer_is_refused_without_a_reason(catalogue, trainer, busy_day, user_factory):
    editor = user_factory(roles=[roles.EDITOR], is_superuser=True)
    page = CoursePageFactory(parent=catalogue, title="Kelas Tari", start_date=busy_day)
    form = editor_form(page, editor_data(page, [session(busy_day, trainer)]), editor)
    assert not form.is_valid()
    errors = form.formsets["sessions"].forms[0].errors["override_reason"][0]
    assert "Dr. Made Wirawan, M.M." in errors and "Kelas Batik Gajah Oling" in errors
    assert "already committed" in " ".join(form.non_field_errors())


def test_a_free_trainer_needs_no_reason(catalogue, trainer, busy_day, user_factory):
    editor = user_factory(roles=[roles.EDITOR], is_superuser=True)
    page = CoursePageFactory(parent=catalogue, title="Kelas Tari", start_date=busy_day)
    # 11.00 – 13.00 only touches the other session.
    form = editor_form(page, editor_data(page, [session(busy_day, trainer, "11:00", "13:00")]), editor)
    assert form.is_valid(), form.errors


def test_the_override_reason_is_kept_with_the_session(catalogue, trainer, busy_day, user_factory):
    editor = user_factory(roles=[roles.EDITOR], is_superuser=True)
    page = CoursePageFactory(parent=catalogue, title="Kelas Tari", start_date=busy_day)
    reason = "Sesi batik dimajukan; sudah disepakati dengan narasumber."
    form = editor_form(page, editor_data(page, [session(busy_day, trainer, reason=reason)]), editor)
    assert form.is_valid(), form.errors
    form.save()
    assert CourseSession.objects.get(page=page).override_reason == reason


def test_the_class_editor_asks_the_one_availability_function(catalogue, trainer, user_factory, monkeypatch):
    """The class editor reads the bookings of every source (classes, resource-person assignments) through
    ``busy_times``, the function the assignment of resource persons reads too."""
    editor = user_factory(roles=[roles.EDITOR], is_superuser=True)
    page = CoursePageFactory(parent=catalogue, title="Kelas Tari")
    day = page.start_date
    seen = []
    original = trainers.schedule.busy_times

    def spy(trainer_ids, start_date, end_date):
        seen.append((tuple(trainer_ids), start_date, end_date))
        return original(trainer_ids, start_date, end_date)

    monkeypatch.setattr(trainers.schedule, "busy_times", spy)
    form = editor_form(page, editor_data(page, [session(day, trainer)]), editor)
    assert form.is_valid(), form.errors
    assert seen == [((trainer.pk,), day, day)]
