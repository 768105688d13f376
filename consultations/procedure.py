"""SOP "Layanan Konsultasi dan Informasi Pasca Pelatihan" (file 004) as a procedure.

Printed steps: 1 request handed in, 2 team member receives and forwards to the team lead,
3 team lead studies the problem and drafts an answer, 4 head of unit reviews (1 hour),
5 head of office checks, 6 team lead orders documentation, 7 team member documents and
sends the answer. Step 1 is the alumnus's online form (its time counts in the promise, not on
the office's clock); step 6 is the team lead's order, step 7 the team member's action that
generates, archives and emails the answer letter. The promise made to the alumnus is the
SOP's total (``consultations.services.promise_minutes``).

What a transition does besides moving the case is its ``effect`` (``consultations.effects``).
"""

from django.utils.translation import gettext_lazy as _

from accounts import roles
from procedures.registry import BACK, FORWARD, REJECT, Procedure, Step, Transition

CODE = "consultation"

PROCEDURE = Procedure(
    code=CODE,
    name=_("Post-training consultation"),
    prefix="KON",
    steps=[
        Step("draft", _("Question being written"), applicant_acts=True, sop_step="1", default_minutes=10),
        Step("received", _("Received by the team member"), (roles.TEAM_MEMBER,), sop_step="2", default_minutes=10),
        Step(
            "study",
            _("Studied by the team lead, answer drafted"),
            (roles.TEAM_LEAD,),
            sop_step="3",
            default_minutes=15,
        ),
        Step(
            "unit_review", _("Reviewed by the head of unit"), (roles.HEAD_OF_UNIT,), sop_step="4", default_minutes=60
        ),
        Step(
            "office_review",
            _("Checked by the head of office"),
            (roles.HEAD_OF_OFFICE,),
            sop_step="5",
            default_minutes=15,
        ),
        Step(
            "documentation_order",
            _("The team lead orders the answer documented and sent"),
            (roles.TEAM_LEAD,),
            sop_step="6",
            default_minutes=10,
        ),
        Step("sending", _("Answer documented and sent"), (roles.TEAM_MEMBER,), sop_step="7", default_minutes=10),
        Step("answered", _("Answered"), final=True),
        Step("declined", _("Not taken up"), final=True),
    ],
    transitions=[
        Transition("submit", ("draft",), "received", _("Send question"), by_applicant=True),
        Transition("forward", ("received",), "study", _("Forward to the team lead")),
        Transition(
            "decline",
            ("received", "study"),
            "declined",
            _("Decline (outside our services)"),
            kind=REJECT,
            note_required=True,
            public_note=True,
        ),
        Transition(
            "propose",
            ("study",),
            "unit_review",
            _("Send the draft answer to the head of unit"),
            form_class="consultations.forms.AnswerTransitionForm",
            effect="consultations.effects.record_answer",
        ),
        Transition(
            "unit_approve",
            ("unit_review",),
            "office_review",
            _("Approve and pass to the head of office"),
            form_class="consultations.forms.AnswerTransitionForm",
            effect="consultations.effects.record_answer",
        ),
        Transition(
            "unit_return",
            ("unit_review",),
            "study",
            _("Return to the team lead for correction"),
            kind=BACK,
            note_required=True,
        ),
        Transition("office_approve", ("office_review",), "documentation_order", _("Approve the answer"), kind=FORWARD),
        Transition(
            "order_documentation",
            ("documentation_order",),
            "sending",
            _("Order the team member to document and send the answer"),
            notify_applicant=False,
        ),
        Transition(
            "office_return", ("office_review",), "study", _("Return for correction"), kind=BACK, note_required=True
        ),
        Transition(
            "send_answer",
            ("sending",),
            "answered",
            _("Document and send the answer"),
            effect="consultations.effects.send_answer_letter",
        ),
    ],
)
