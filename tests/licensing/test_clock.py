"""The working-day clock on the licence flow: weekends, holidays, office hours, restart on resubmission."""

import datetime

import pytest
import time_machine

from accounts import roles
from licensing import services
from licensing.factories import attach_documents
from procedures import services as core
from procedures.clock import office_calendar
from procedures.models import Holiday

from .conftest import JAKARTA

pytestmark = pytest.mark.django_db


def at(*args):
    return datetime.datetime(*args, tzinfo=JAKARTA)


def to_technical_review(application, staff):
    core.perform(application, "accept_file", staff[roles.FRONT_OFFICE])
    core.perform(application, "route_to_technical", staff[roles.BACK_OFFICE])
    application.refresh_from_db()
    return application


def test_the_promise_is_five_working_days_from_the_published_sop(sop_page):
    calendar = office_calendar()
    # Staff steps 2-8: 4 office days and 45 minutes; rounded up to whole office days.
    assert services.promise_minutes(calendar) == 4 * calendar.minutes_per_day + 45
    assert services.promise_days(calendar) == 5


def test_a_monday_application_runs_on_the_sop_standards(sop_page, draft, applicant, staff):
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False) as clock:
        services.submit(draft, applicant)
        assert draft.state_due_at == at(2026, 11, 23, 9, 10)
        clock.move_to(at(2026, 11, 23, 9, 5))
        core.perform(draft, "accept_file", staff[roles.FRONT_OFFICE])
        assert draft.state_due_at == at(2026, 11, 23, 9, 15)
        clock.move_to(at(2026, 11, 23, 9, 10))
        core.perform(draft, "route_to_technical", staff[roles.BACK_OFFICE])
        # "4 Hari" = four office days of working time.
        assert draft.state_due_at == at(2026, 11, 27, 9, 10)


def test_the_technical_review_skips_the_weekend(sop_page, submitted, staff):
    with time_machine.travel(at(2026, 11, 26, 10, 0), tick=False):  # Thursday
        to_technical_review(submitted, staff)
        assert submitted.state_due_at == at(2026, 12, 2, 10, 0)  # Wednesday after the weekend


def test_the_technical_review_skips_holidays_and_collective_leave(sop_page, submitted, staff):
    Holiday.objects.create(date=datetime.date(2026, 12, 24), name="Cuti bersama Natal", kind=Holiday.COLLECTIVE_LEAVE)
    Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Hari Raya Natal")
    with time_machine.travel(at(2026, 12, 22, 10, 0), tick=False):  # Tuesday
        to_technical_review(submitted, staff)
        # Wed 23, then Thu 24 + Fri 25 off, the weekend, Mon 28, Tue 29, Wed 30.
        assert submitted.state_due_at == at(2026, 12, 30, 10, 0)


def test_standard_minutes_only_run_in_office_hours(sop_page, draft, applicant, staff):
    with time_machine.travel(at(2026, 11, 27, 15, 55), tick=False):  # Friday, five minutes before closing
        services.submit(draft, applicant)
    assert draft.state_due_at == at(2026, 11, 30, 7, 35)  # the other five minutes on Monday morning


def test_an_application_sent_at_the_weekend_starts_on_monday(sop_page, draft, applicant):
    with time_machine.travel(at(2026, 11, 28, 20, 0), tick=False):  # Saturday evening
        services.submit(draft, applicant)
    assert draft.state_due_at == at(2026, 11, 30, 7, 40)


def test_resubmission_restarts_the_service_clock(sop_page, draft, applicant, staff):
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False) as clock:
        services.submit(draft, applicant)
        assert draft.clock_started_at == at(2026, 11, 23, 9, 0)
        clock.move_to(at(2026, 11, 23, 9, 5))
        npwp = draft.documents.get(item__name="NPWP lembaga")
        services.refuse_file(draft, staff[roles.FRONT_OFFICE], {npwp.pk: ("refused", "Buram")})
        draft.refresh_from_db()
        clock.move_to(at(2026, 11, 25, 10, 0))  # the applicant corrects it two days later
        attach_documents(draft, [npwp.item])
        services.submit(draft, applicant)
        draft.refresh_from_db()
        assert draft.clock_started_at == at(2026, 11, 25, 10, 0)
        assert draft.state_due_at == at(2026, 11, 25, 10, 10)
        clock.move_to(at(2026, 11, 25, 10, 30))
        calendar = office_calendar()
        service = draft.service_clock(calendar, services.promise_minutes(calendar))
        assert service.used_minutes == 30  # the days in correction do not count
        assert service.promise_days == 5 and not service.overdue


def test_the_service_is_overdue_after_five_working_days(sop_page, submitted, staff):
    calendar = office_calendar()
    promise = services.promise_minutes(calendar)
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False) as clock:
        to_technical_review(submitted, staff)
        submitted.clock_started_at = at(2026, 11, 23, 9, 0)
        clock.move_to(at(2026, 11, 30, 8, 59))  # Monday a week later: 5 office days less a minute
        assert not submitted.service_clock(calendar, promise).overdue
        clock.move_to(at(2026, 11, 30, 9, 1))
        service = submitted.service_clock(calendar, promise)
        assert service.overdue and round(service.used_days, 2) == 5.0
