"""The process core, exercised through the consultation procedure."""

import datetime
import threading
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.db import connection

from wagtail.models import ModelLogEntry

from accounts import roles
from consultations.models import Consultation
from consultations.procedure import PROCEDURE
from procedures import services
from procedures.models import CaseEvent, OutboxMessage

from .conftest import JAKARTA

pytestmark = pytest.mark.django_db


def test_submit_numbers_the_case_starts_the_clock_and_logs(monday_morning, submitted, staff):
    consultation = submitted()
    assert consultation.tracking_number == "KON-2026-00001"
    assert consultation.state == "received"
    assert consultation.submitted_at is not None and consultation.clock_started_at is not None
    # Step "received" has a 10-minute standard (no SOP published in this test).
    assert consultation.state_due_at == datetime.datetime(2026, 11, 23, 9, 10, tzinfo=JAKARTA)
    event = CaseEvent.objects.for_case(consultation).get()
    assert (event.from_state, event.to_state, event.transition, event.sequence) == ("draft", "received", "submit", 1)
    assert ModelLogEntry.objects.filter(action=services.LOG_ACTION, object_id=str(consultation.pk)).count() == 1
    recipients = [message.recipients for message in OutboxMessage.objects.order_by("pk")]
    assert [consultation.applicant_email] in recipients
    assert any(staff[roles.TEAM_MEMBER].email in r for r in recipients), "the next role is told"


def test_the_published_sop_sets_the_standard_time(monday_morning, submitted):
    from wagtail.models import Page

    from sops.factories import SOPIndexPageFactory, SOPPageFactory, SOPStepFactory

    index = SOPIndexPageFactory(parent=Page.objects.get(depth=2))
    sop = SOPPageFactory(parent=index, procedure_code="consultation", steps=[])
    SOPStepFactory(page=sop, number=2, sort_order=2, time_value=Decimal(25), time_unit="minutes")
    sop.save_revision().publish()
    consultation = submitted()
    assert consultation.state_due_at == datetime.datetime(2026, 11, 23, 9, 25, tzinfo=JAKARTA)


@pytest.mark.parametrize("transition", [t for t in PROCEDURE.transitions if not t.by_applicant], ids=lambda t: t.name)
def test_role_transition_matrix(transition, submitted, staff):
    consultation = submitted()
    Consultation.objects.filter(pk=consultation.pk).update(state=transition.sources[0])
    consultation.refresh_from_db()
    allowed = set(PROCEDURE.roles_for(transition))
    for role, user in staff.items():
        assert services.can_perform(consultation, transition, user) == (role in allowed), role
    assert not services.can_perform(consultation, transition, consultation.user), "the applicant is not staff"


def test_only_the_applicant_submits(user_factory, staff):
    from consultations.factories import ConsultationFactory

    consultation = ConsultationFactory()
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(consultation, "submit", staff[roles.TEAM_LEAD])
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(consultation, "submit", user_factory())
    services.perform(consultation, "submit", consultation.user)


def test_wrong_state_and_unknown_action_are_refused(submitted, staff):
    consultation = submitted()
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(consultation, "propose", staff[roles.TEAM_LEAD])
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(consultation, "teleport", staff[roles.TEAM_LEAD])


def test_stale_version_is_a_conflict_and_changes_nothing(submitted, staff):
    consultation = submitted()
    seen_version = consultation.version
    services.perform(consultation, "forward", staff[roles.TEAM_MEMBER], expected_version=seen_version)
    stale = Consultation.objects.get(pk=consultation.pk)
    stale.version, stale.state = seen_version, "received"  # what the other officer's screen still shows
    with pytest.raises(services.TransitionConflict):
        services.perform(stale, "forward", staff[roles.TEAM_MEMBER], expected_version=seen_version)
    assert CaseEvent.objects.for_case(consultation).count() == 2
    assert Consultation.objects.get(pk=consultation.pk).state == "study"


def test_reason_required_for_returning(submitted, staff):
    consultation = submitted()
    services.perform(consultation, "forward", staff[roles.TEAM_MEMBER])
    with pytest.raises(ValidationError):
        services.perform(consultation, "decline", staff[roles.TEAM_LEAD], note="  ")
    event = services.perform(consultation, "decline", staff[roles.TEAM_LEAD], note="Di luar lingkup layanan kami.")
    assert event.public_note and consultation.is_closed and consultation.closed_at is not None


def test_overdue_step_is_recorded_when_finished_late(monday_morning, submitted, staff):
    consultation = submitted()
    monday_morning.shift(datetime.timedelta(minutes=45))
    event = services.perform(consultation, "forward", staff[roles.TEAM_MEMBER])
    assert event.overdue is True and event.step_working_minutes == 45
    assert consultation.is_overdue is False  # the new step has its own fresh standard


def test_full_path_issues_the_answer_letter(submitted, staff):
    consultation = submitted()
    services.perform(consultation, "forward", staff[roles.TEAM_MEMBER])
    services.perform(consultation, "propose", staff[roles.TEAM_LEAD], data={"answer": "Catat sebagai piutang."})
    services.perform(
        consultation, "unit_approve", staff[roles.HEAD_OF_UNIT], data={"answer": "Catat sebagai piutang usaha."}
    )
    services.perform(consultation, "office_approve", staff[roles.HEAD_OF_OFFICE])
    services.perform(consultation, "send_answer", staff[roles.TEAM_MEMBER])
    consultation.refresh_from_db()
    assert consultation.state == "answered" and consultation.answer == "Catat sebagai piutang usaha."
    letter = consultation.letters().get()
    assert letter.pdf and letter.number.endswith(f"/{datetime.date.today().year}")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_transitions_one_wins(submitted, staff):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks; SQLite serialises writers so the race cannot happen")
    consultation = submitted()
    barrier = threading.Barrier(2)
    outcomes = []

    def act(user):
        from django.db import connections

        case = Consultation.objects.get(pk=consultation.pk)
        barrier.wait()
        try:
            services.perform(case, "forward", user, expected_version=case.version)
            outcomes.append("ok")
        except services.TransitionConflict:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    member_a = staff[roles.TEAM_MEMBER]
    threads = [threading.Thread(target=act, args=(member_a,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "ok"]
    assert CaseEvent.objects.for_case(consultation).filter(transition="forward").count() == 1


def test_a_failing_side_effect_rolls_back_and_restores_the_object(submitted, staff, monkeypatch):
    consultation = submitted()
    before = (consultation.state, consultation.version, consultation.state_due_at)

    def explode(*args, **kwargs):
        raise RuntimeError("letter printer on fire")

    monkeypatch.setattr(Consultation, "on_transition", explode)
    with pytest.raises(RuntimeError):
        services.perform(consultation, "forward", staff[roles.TEAM_MEMBER])
    assert (consultation.state, consultation.version, consultation.state_due_at) == before
    stored = Consultation.objects.get(pk=consultation.pk)
    assert (stored.state, stored.version) == before[:2]
    assert CaseEvent.objects.for_case(consultation).count() == 1


def test_a_case_can_narrow_its_available_actions(submitted, staff, monkeypatch):
    consultation = submitted()
    monkeypatch.setattr(Consultation, "transition_available", lambda self, t: t.name != "decline")
    names = [t.name for t in services.allowed_transitions(consultation, staff[roles.TEAM_MEMBER])]
    assert names == ["forward"]
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(consultation, "decline", staff[roles.TEAM_MEMBER], note="x")
