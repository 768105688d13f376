"""Role × transition matrix of the three procedures, checked against the SOP library's data files."""

import math

import pytest

from accounts import roles
from accounts.models import User
from events.procedure import FACILITIES_PROCEDURE, NEEDS_PROCEDURE, PROCEDURE
from events.sop import ACTOR_ROLES, FACILITIES_SOP, NEEDS_SOP, TRAINING_SOP
from procedures import services
from sops import durations, library

CASES = [(PROCEDURE, TRAINING_SOP), (NEEDS_PROCEDURE, NEEDS_SOP), (FACILITIES_PROCEDURE, FACILITIES_SOP)]

#: state -> position of the printed step it follows, per procedure.
STEPS = {
    PROCEDURE.code: {
        "revision": 1,
        "approval": 2,
        "instruction": 3,
        "drafting": 4,
        "signing": 5,
        "distribution": 6,
        "nominations": 7,
        "meeting": 8,
        "running": 9,
        "reporting": 10,
        "acknowledgement": 11,
    },
    NEEDS_PROCEDURE.code: {
        state: position
        for position, state in enumerate(
            [
                "order",
                "coordination",
                "unit_order",
                "unit_preparation",
                "unit_draft",
                "member_check",
                "lead_check",
                "level1_review",
                "documentation_order",
                "documentation",
            ],
            start=1,
        )
    },
    FACILITIES_PROCEDURE.code: {
        state: position
        for position, state in enumerate(
            ["order", "preparing", "inventory", "unit_review", "level1_review", "final_order", "final_preparation"],
            start=1,
        )
    },
}


@pytest.mark.parametrize(("procedure", "key"), CASES, ids=lambda value: getattr(value, "code", value))
def test_every_printed_step_is_a_step_with_the_sops_actor_and_time(procedure, key):
    entry = library.get(key)
    mapping = STEPS[procedure.code]
    assert sorted(mapping.values()) == list(range(1, len(entry.steps) + 1))
    for state, position in mapping.items():
        printed = entry.steps[position - 1]
        step = procedure.step(state)
        expected = {role for actor in printed.actors for role in ACTOR_ROLES[actor]}
        assert set(step.roles) == expected, (procedure.code, state, printed.actors)
        upper = printed.time_value_max or printed.time_value
        if printed.time_unit in durations.MINUTE_UNITS:
            assert step.default_minutes == math.ceil(upper * durations.MINUTE_UNITS[printed.time_unit])
        else:
            assert step.default_days == upper
        if procedure is not NEEDS_PROCEDURE:  # SOP 004-1 repeats printed numbers: no labels for the clock
            assert step.sop_step == printed.display_label


def test_the_sop_003_times_are_the_printed_ones():
    assert PROCEDURE.step("approval").default_minutes == 30
    assert PROCEDURE.step("drafting").default_minutes == 120
    assert PROCEDURE.step("nominations").default_days == 5  # "1 minggu", counted as 5 working days
    assert PROCEDURE.step("running").default_days == 3


@pytest.mark.parametrize(
    ("procedure", "transition"),
    [(procedure, transition) for procedure, _key in CASES for transition in procedure.transitions],
    ids=lambda value: getattr(value, "code", None) or getattr(value, "name", None) or str(value),
)
@pytest.mark.parametrize("role", roles.STAFF_ROLES)
def test_only_the_sops_actor_may_act(procedure, transition, role):
    """Each role may perform a transition exactly when the SOP names it as the actor of the source step."""
    user = User(email="pegawai@dinas.test", is_active=True)
    user._role_names = {role}

    class Stub:
        def __init__(self, state):
            self.procedure, self.state = procedure, state

        def transition_available(self, transition):
            return True

        def is_applicant(self, user):
            return False

        def staff_may_act(self, user, transition):
            return True

    for source in transition.sources:
        expected = role in procedure.step(source).roles if transition.roles is None else role in transition.roles
        assert services.can_perform(Stub(source), transition, user) is expected, (source, transition.name, role)
