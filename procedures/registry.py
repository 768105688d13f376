"""Declarations of the SOP-driven procedures.

A flow declares its procedure once, in its ``procedure.py``: the steps (who acts, which SOP
step they follow, the default standard time), the transitions between them and what each
transition does besides moving the case (its ``effect``). The case model names it once
(``procedure = PROCEDURE``), which registers it; the core does the rest: permissions, the
transaction, the clock, the log, the emails and the staff screens. The published SOP page with
the same ``code`` overrides the default standard times, so the public sees the standards the
clock uses.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.module_loading import import_string

FORWARD = "forward"
BACK = "back"
REJECT = "reject"
CLOSE = "close"


def resolve(reference):
    """A declared function: the callable itself, or its dotted path (imported when first needed).

    Procedures name functions of their own app by path ("consultations.effects.issue_answer"),
    because the app's models import the procedure and its effects import the models.
    """
    if reference is None or callable(reference):
        return reference
    return import_string(reference)


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
    """A move from one or more states to another; ``roles`` default to the source steps' roles.

    What a transition does besides moving the case is declared here, and the core runs it inside
    the transition's transaction (a failure undoes the whole step):

    * ``effect``: ``fn(case, move)`` after the state changed and the event was recorded, before the
      emails are queued (store a form's data, issue a letter, create a record). ``move`` is the
      :class:`procedures.services.Move` being applied (actor, note, data, event ...).
    * ``lock``: ``fn(case)`` first of all, before the case row is locked: lock the shared rows the
      effect changes (a class's seats), so every path takes the locks in the same order.
    * ``outcome``: ``fn(case) -> name``, after the lock: the SOP rule that decides which of several
      transitions this action really is ("accept" becomes "waitlist" when the class is full). The
      chosen transition must leave the same states and share the lock.

    Each may be the function or its dotted path.
    """

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
    #: False for phase changes the applicant follows in the member area rather than by email.
    notify_applicant: bool = True
    effect: object = None
    lock: object = None
    outcome: object = None


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
    #: Roles that follow the cases without acting on them; like the acting roles they may view the queue.
    viewer_roles: tuple = ()
    model: type | None = field(default=None, repr=False)

    def __post_init__(self):
        self._steps = {step.state: step for step in self.steps}
        self._transitions = {transition.name: transition for transition in self.transitions}
        if self.initial_state not in self._steps:
            raise ValueError(f"{self.code}: the initial state {self.initial_state} is not a step")
        for transition in self.transitions:
            unknown = [s for s in (*transition.sources, transition.target) if s not in self._steps]
            if unknown:
                raise ValueError(f"{self.code}: transition {transition.name} names unknown states {unknown}")

    def contribute_to_class(self, model, name):
        """``procedure = PROCEDURE`` in a case model's body declares the model's procedure and registers it."""
        setattr(model, name, self)
        if not model._meta.abstract:
            register(self, model)

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

    def acting_roles(self):
        """Every role that acts in a step or performs a transition of this procedure."""
        roles = {role for step in self.steps for role in step.roles}
        roles.update(role for transition in self.transitions for role in (transition.roles or ()))
        return roles

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
