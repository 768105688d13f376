"""The staff dashboard's "Waiting for you": each role's cases at the steps it acts on.

Every registered procedure is read the same way (no flow is named here): the steps whose
acting roles the user holds, the submitted cases at those steps, overdue ones first, with a
count per service so a role sees its whole load at a glance on the Wagtail home page.
"""

from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

from procedures.registry import all_procedures

CASES_PER_SERVICE = 8


@dataclass
class ServiceQueue:
    procedure: object
    count: int
    overdue: int
    cases: list = field(default_factory=list)


def acting_states(procedure, roles, superuser=False):
    return [
        step.state
        for step in procedure.steps
        if not step.final
        and step.roles
        and (superuser or set(step.roles) & roles)
        and step.state not in procedure.hidden_states
    ]


def waiting_for(user, limit=CASES_PER_SERVICE, now=None):
    """One :class:`ServiceQueue` per service with cases at the user's steps; the most overdue first."""
    from procedures.viewsets import case_admin_path

    now = now or timezone.now()
    roles = set(user.groups.values_list("name", flat=True))
    queues = []
    for procedure in all_procedures():
        if procedure.model is None:
            continue
        states = acting_states(procedure, roles, superuser=user.is_superuser)
        if not states:
            continue
        cases = procedure.model._default_manager.filter(state__in=states).exclude(tracking_number=None)
        count = cases.count()
        if not count:
            continue
        overdue = cases.filter(state_due_at__lt=now).count()
        first = cases.order_by(F("state_due_at").asc(nulls_last=True), "pk")[:limit]
        queues.append(ServiceQueue(procedure, count, overdue, [(case, case_admin_path(case)) for case in first]))
    queues.sort(key=lambda queue: (-queue.overdue, -queue.count, str(queue.procedure.name)))
    return queues
