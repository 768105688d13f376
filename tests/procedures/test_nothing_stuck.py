"""Nothing gets stuck: in every registered procedure, each step that is not final can be left by
someone — a role of the office, or the applicant — not only by the portal itself.

The one exception is a hidden initial state the portal opens in the same transaction that creates
the case (a plan's "draft" that starts the SOP at once): no case waits there for anyone.
"""

import pytest

from procedures import registry


def performers(procedure, transition):
    """Who may perform ``transition``: its roles, plus the applicant; system transitions have none."""
    who = set(procedure.roles_for(transition))
    if transition.by_applicant:
        who.add("applicant")
    return who


@pytest.mark.parametrize("procedure", registry.all_procedures(), ids=lambda procedure: procedure.code)
def test_every_open_step_has_a_transition_someone_can_perform(procedure):
    stuck = [
        step.state
        for step in procedure.steps
        if not step.final
        and not (step.state == procedure.initial_state and step.state in procedure.hidden_states)
        and not any(performers(procedure, transition) for transition in procedure.transitions_from(step.state))
    ]
    assert not stuck, f"{procedure.code}: no role may move a case out of {stuck}"


def test_every_registered_service_is_checked():
    codes = {procedure.code for procedure in registry.all_procedures()}
    assert {"enrolment", "course_licence", "trainer_registration", "trainer_request", "consultation"} <= codes
