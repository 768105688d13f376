"""The test procedure's declared functions; they record what the core handed them."""

from procedures.letters import issue_letter

from .models import Desk, Errand

#: (what, errand pk, transition name) in the order the core called them.
CALLS = []


def lock_desk(errand):
    Desk.objects.get_or_create(pk=1)
    Desk.objects.select_for_update().get(pk=1)
    CALLS.append(("lock", errand.pk, errand.state))


def forward_or_queue(errand):
    desk = Desk.objects.get(pk=1)
    studying = Errand.objects.filter(state="study").count()
    CALLS.append(("outcome", errand.pk, errand.state))
    return "queue" if studying >= desk.slots else "forward"


def record_answer(errand, move):
    CALLS.append(("effect", errand.pk, move.transition.name))
    errand.update_fields(answer=move.data["answer"])


def issue_answer(errand, move):
    CALLS.append(("effect", errand.pk, move.transition.name))
    issue_letter(
        kind="casework_answer",
        code="TST",
        subject=f"Answer: {errand.subject}",
        addressee=errand.applicant_name,
        body=errand.answer or "-",
        case=errand,
        created_by=move.actor,
    )
