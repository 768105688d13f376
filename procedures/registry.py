"""Declarations of the SOP-driven procedures.

A flow declares its procedure once (steps, acting roles, allowed transitions, default
standard times) and registers it; the core does the rest. The published SOP page with
the same ``code`` overrides the default standard times, so the public sees the same
standards that the clock uses.
"""

from dataclasses import dataclass, field
from decimal import Decimal

FORWARD = "forward"
BACK = "back"
REJECT = "reject"
CLOSE = "close"


@dataclass(frozen=True)
class Step:
    """One state of a case, with who acts in it and how long the SOP allows."""

    state: str
    label: str
    roles: tuple = ()
    sop_step: str | None = None
    default_minutes: int = 0
    default_days: Decimal | int = 0
    applicant_acts: bool = False
    final: bool = False

    @property
    def is_timed(self):
        return not self.final and not self.applicant_acts


@dataclass(frozen=True)
class Transition:
    """A move from one or more states to another; ``roles`` default to the source step's roles."""

    name: str
    sources: tuple
    target: str
    label: str
    kind: str = FORWARD
    roles: tuple | None = None
    by_applicant: bool = False
    note_required: bool = False
    public_note: bool = False
    restart_clock: bool = False
    form_class: str | None = None
    button_style: str = ""


@dataclass
class Procedure:
    code: str
    name: str
    prefix: str
    steps: list
    transitions: list
    initial_state: str = "draft"
    #: States the office must not see yet (a draft, an unconfirmed email): kept out of staff screens.
    hidden_states: tuple = ("draft",)
    model: type | None = field(default=None, repr=False)

    def __post_init__(self):
        self._steps = {step.state: step for step in self.steps}
        self._transitions = {transition.name: transition for transition in self.transitions}
        for transition in self.transitions:
            unknown = [s for s in (*transition.sources, transition.target) if s not in self._steps]
            if unknown:
                raise ValueError(f"{self.code}: transition {transition.name} names unknown states {unknown}")

    def step(self, state):
        return self._steps[state]

    def transition(self, name):
        return self._transitions[name]

    def transitions_from(self, state):
        return [t for t in self.transitions if state in t.sources]

    def roles_for(self, transition):
        if transition.roles is not None:
            return transition.roles
        roles = set()
        for source in transition.sources:
            roles.update(self._steps[source].roles)
        return tuple(sorted(roles))

    def state_choices(self):
        return [(step.state, step.label) for step in self.steps]

    def timed_steps(self):
        return [step for step in self.steps if step.is_timed]


_registry: dict[str, Procedure] = {}


def register(procedure: Procedure, model=None):
    if model is not None:
        procedure.model = model
    _registry[procedure.code] = procedure
    return procedure


def get(code) -> Procedure:
    return _registry[code]


def all_procedures():
    return list(_registry.values())


def by_prefix(prefix):
    for procedure in _registry.values():
        if procedure.prefix == prefix:
            return procedure
    return None
