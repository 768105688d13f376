"""The process core, on the tests-only ``casework`` app (its procedure uses every declaration the core offers)."""

import dataclasses
import datetime
import threading
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.db import connection

from wagtail.models import ModelLogEntry

from accounts import roles
from procedures import registry, services
from procedures.models import CaseEvent, OutboxMessage
from tests.casework import effects
from tests.casework.models import Desk, Errand
from tests.casework.procedure import PROCEDURE

from .conftest import JAKARTA

pytestmark = pytest.mark.django_db


def test_submit_numbers_the_case_starts_the_clock_and_logs(monday_morning, submitted, staff):
    errand = submitted()
    assert errand.tracking_number == "TST-2026-00001"
    assert errand.state == "received"
    assert errand.submitted_at is not None and errand.clock_started_at is not None
    # Step "received" has a 10-minute standard (no SOP published in this test).
    assert errand.state_due_at == datetime.datetime(2026, 11, 23, 9, 10, tzinfo=JAKARTA)
    event = CaseEvent.objects.for_case(errand).get()
    assert (event.from_state, event.to_state, event.transition, event.sequence) == ("draft", "received", "submit", 1)
    assert ModelLogEntry.objects.filter(action=services.LOG_ACTION, object_id=str(errand.pk)).count() == 1
    recipients = [message.recipients for message in OutboxMessage.objects.order_by("pk")]
    assert [errand.applicant_email] in recipients
    assert any(staff[roles.TEAM_MEMBER].email in r for r in recipients), "the next role is told"


def test_the_published_sop_sets_the_standard_time(monday_morning, submitted, monkeypatch):
    from wagtail.models import Page

    received = dataclasses.replace(PROCEDURE.step("received"), sop_step="2")
    monkeypatch.setitem(PROCEDURE._steps, "received", received)

    from sops.factories import SOPIndexPageFactory, SOPPageFactory, SOPStepFactory

    index = SOPIndexPageFactory(parent=Page.objects.get(depth=2))
    sop = SOPPageFactory(parent=index, procedure_code="casework", steps=[])
    SOPStepFactory(page=sop, number=2, sort_order=2, time_value=Decimal(25), time_unit="minutes")
    sop.save_revision().publish()
    errand = submitted()
    assert errand.state_due_at == datetime.datetime(2026, 11, 23, 9, 25, tzinfo=JAKARTA)


@pytest.mark.parametrize("transition", [t for t in PROCEDURE.transitions if not t.by_applicant], ids=lambda t: t.name)
def test_role_transition_matrix(transition, submitted, staff):
    errand = submitted()
    Errand.objects.filter(pk=errand.pk).update(state=transition.sources[0])
    errand.refresh_from_db()
    allowed = set(PROCEDURE.roles_for(transition))
    for role, user in staff.items():
        assert services.can_perform(errand, transition, user) == (role in allowed), role
    assert not services.can_perform(errand, transition, errand.user), "the applicant is not staff"


def test_only_the_applicant_submits(user_factory, staff):
    from tests.casework.factories import ErrandFactory

    errand = ErrandFactory()
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(errand, "submit", staff[roles.TEAM_LEAD])
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(errand, "submit", user_factory())
    services.perform(errand, "submit", errand.user)


def test_wrong_state_and_unknown_action_are_refused(submitted, staff):
    errand = submitted()
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(errand, "propose", staff[roles.TEAM_LEAD])
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(errand, "teleport", staff[roles.TEAM_LEAD])


def test_stale_version_is_a_conflict_and_changes_nothing(submitted, staff):
    errand = submitted()
    seen_version = errand.version
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER], expected_version=seen_version)
    stale = Errand.objects.get(pk=errand.pk)
    stale.version, stale.state = seen_version, "received"  # what the other officer's screen still shows
    with pytest.raises(services.TransitionConflict):
        services.perform(stale, "forward", staff[roles.TEAM_MEMBER], expected_version=seen_version)
    assert CaseEvent.objects.for_case(errand).count() == 2
    assert Errand.objects.get(pk=errand.pk).state == "study"


def test_reason_required_for_returning(submitted, staff):
    errand = submitted()
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    with pytest.raises(ValidationError):
        services.perform(errand, "decline", staff[roles.TEAM_LEAD], note="  ")
    event = services.perform(errand, "decline", staff[roles.TEAM_LEAD], note="Di luar lingkup layanan kami.")
    assert event.public_note and errand.is_closed and errand.closed_at is not None


def test_overdue_step_is_recorded_when_finished_late(monday_morning, submitted, staff):
    errand = submitted()
    monday_morning.shift(datetime.timedelta(minutes=45))
    event = services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    assert event.overdue is True and event.step_working_minutes == 45
    assert errand.is_overdue is False  # the new step has its own fresh standard


def test_full_path_runs_the_declared_effects_and_issues_the_letter(submitted, staff):
    errand = submitted()
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    services.perform(errand, "propose", staff[roles.TEAM_LEAD], data={"answer": "Catat sebagai piutang."})
    assert errand.answer == "Catat sebagai piutang.", "update_fields sets the object too"
    services.perform(errand, "approve", staff[roles.HEAD_OF_UNIT])
    errand.refresh_from_db()
    assert errand.state == "done" and errand.answer == "Catat sebagai piutang."
    letter = errand.letters().get()
    assert letter.pdf and letter.number.endswith(f"/{datetime.date.today().year}")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_transitions_one_wins(submitted, staff):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks; SQLite serialises writers so the race cannot happen")
    errand = submitted()
    barrier = threading.Barrier(2)
    outcomes = []

    def act(user):
        from django.db import connections

        case = Errand.objects.get(pk=errand.pk)
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
    assert CaseEvent.objects.for_case(errand).filter(transition="forward").count() == 1


def test_a_failing_effect_rolls_back_and_restores_the_object(submitted, staff, monkeypatch):
    errand = submitted()
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    before = (errand.state, errand.version, errand.state_due_at)

    def explode(*args, **kwargs):
        raise RuntimeError("letter printer on fire")

    monkeypatch.setattr(effects, "record_answer", explode)
    with pytest.raises(RuntimeError):
        services.perform(errand, "propose", staff[roles.TEAM_LEAD], data={"answer": "x"})
    assert (errand.state, errand.version, errand.state_due_at) == before
    stored = Errand.objects.get(pk=errand.pk)
    assert (stored.state, stored.version, stored.answer) == (*before[:2], "")
    assert CaseEvent.objects.for_case(errand).count() == 2
    assert not OutboxMessage.objects.filter(subject__contains="Reviewed").exists(), "no email for a step undone"


def test_a_case_can_narrow_its_available_actions(submitted, staff, monkeypatch):
    errand = submitted()
    monkeypatch.setattr(Errand, "transition_available", lambda self, t: t.name != "decline")
    names = [t.name for t in services.allowed_transitions(errand, staff[roles.TEAM_MEMBER])]
    assert names == ["forward", "queue"]
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(errand, "decline", staff[roles.TEAM_MEMBER], note="x")


@pytest.fixture
def calls():
    effects.CALLS.clear()
    yield effects.CALLS
    effects.CALLS.clear()


def test_the_lock_runs_first_then_the_outcome_then_the_effect(submitted, staff, calls):
    errand = submitted()
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    services.perform(errand, "propose", staff[roles.TEAM_LEAD], data={"answer": "Jawaban"})
    assert calls == [
        ("lock", errand.pk, "received"),
        ("outcome", errand.pk, "received"),
        ("effect", errand.pk, "propose"),
    ]


def test_the_outcome_picks_the_transition_the_sop_rule_requires(submitted, staff, calls):
    Desk.objects.create(pk=1, slots=1)
    first, second = submitted(), submitted()
    services.perform(first, "forward", staff[roles.TEAM_MEMBER])
    event = services.perform(second, "forward", staff[roles.TEAM_MEMBER])
    assert (first.state, second.state) == ("study", "queued")
    assert event.transition == "queue", "the event records what really happened"


def test_an_outcome_the_actor_may_not_take_is_refused(submitted, staff, monkeypatch):
    Desk.objects.create(pk=1, slots=0)
    errand = submitted()
    restricted = dataclasses.replace(PROCEDURE.transition("queue"), roles=(roles.HEAD_OF_OFFICE,))
    monkeypatch.setitem(PROCEDURE._transitions, "queue", restricted)
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    errand.refresh_from_db()
    assert errand.state == "received"


def test_a_silent_transition_tells_the_staff_but_not_the_applicant(submitted, staff):
    Desk.objects.create(pk=1, slots=0)
    errand = submitted()
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    assert errand.state == "queued"
    Desk.objects.filter(pk=1).update(slots=5)
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    services.perform(errand, "resume", staff[roles.TEAM_MEMBER])
    new = OutboxMessage.objects.exclude(pk__in=before)
    assert [m.recipients for m in new] == [[staff[roles.TEAM_LEAD].email]]


def test_start_begins_in_the_initial_state_and_only_once(user_factory):
    user = user_factory()
    errand = Errand(user=user, applicant_name="Ani", applicant_email=user.email, subject="S", question="Q")
    assert errand.start() is errand
    assert errand.pk and Errand.objects.get(pk=errand.pk).state == PROCEDURE.initial_state == "draft"
    with pytest.raises(ValueError):
        errand.start()
    unsaved = Errand(user=user).start(save=False)
    assert unsaved.pk is None and unsaved.state == "draft"


def test_update_fields_writes_only_the_named_fields(submitted):
    errand = submitted()
    Errand.objects.filter(pk=errand.pk).update(subject="Changed elsewhere")
    errand.update_fields(answer="Jawaban")
    stored = Errand.objects.get(pk=errand.pk)
    assert (stored.answer, stored.subject) == ("Jawaban", "Changed elsewhere")
    assert errand.answer == "Jawaban"


def test_a_model_declares_its_procedure_once():
    assert Errand.procedure is PROCEDURE and PROCEDURE.model is Errand
    assert registry.get("casework") is PROCEDURE and registry.by_prefix("TST") is PROCEDURE


def test_every_declared_function_and_form_of_every_procedure_resolves():
    """A typo in a dotted path would only fail when an officer clicks; here it fails at once."""
    from django.utils.module_loading import import_string

    for procedure in registry.all_procedures():
        assert procedure.model is not None and procedure.model.procedure is procedure, procedure.code
        for transition in procedure.transitions:
            for name in ("effect", "lock", "outcome"):
                declared = getattr(transition, name)
                assert declared is None or callable(registry.resolve(declared)), (procedure.code, transition.name)
            if transition.form_class:
                import_string(transition.form_class)
            if transition.outcome:
                assert transition.lock, f"{procedure.code}.{transition.name}: an outcome is chosen under a lock"


def test_the_staff_email_links_to_the_case_itself(submitted, staff):
    """Whoever acts next opens the case from the email, not the admin's front page."""
    errand = submitted()
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    services.perform(errand, "forward", staff[roles.TEAM_MEMBER])
    staff_mails = [m for m in OutboxMessage.objects.exclude(pk__in=before) if m.body.count("/admin/")]
    case_url = f"http://testserver/admin/casework-cases/inspect/{errand.pk}/"
    assert staff_mails and all(case_url in m.body for m in staff_mails), [m.body for m in staff_mails]
