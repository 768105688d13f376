"""A small procedure shaped like the office's SOPs, used only by the core's tests.

Steps: 1 the applicant writes and sends a request, 2 a team member receives it (10 min),
3 the team lead studies it and drafts an answer (15 min), 4 the head of unit reviews it
(60 min) and approves it, which issues the answer letter. It uses every declaration the core
offers: effects, a lock and an outcome, a silent transition and a viewer role. It follows no
SOP of the library (no ``sop_step``), so the SOP links of the real services are checked without it;
a test that needs one adds it.
"""

from accounts import roles
from procedures.registry import BACK, REJECT, Procedure, Step, Transition

CODE = "casework"

PROCEDURE = Procedure(
    code=CODE,
    name="Casework",
    prefix="TST",
    steps=[
        Step("draft", "Being written", applicant_acts=True),
        Step("received", "Received", (roles.TEAM_MEMBER,), default_minutes=10),
        Step("study", "Studied by the team lead", (roles.TEAM_LEAD,), default_minutes=15),
        Step("review", "Reviewed by the head of unit", (roles.HEAD_OF_UNIT,), default_minutes=60),
        Step("queued", "Waiting for a free slot", (roles.TEAM_MEMBER,)),
        Step("done", "Answered", final=True),
        Step("declined", "Declined", final=True),
    ],
    transitions=[
        Transition("submit", ("draft",), "received", "Send", by_applicant=True),
        Transition(
            "forward",
            ("received",),
            "study",
            "Forward to the team lead",
            lock="tests.casework.effects.lock_desk",
            outcome="tests.casework.effects.forward_or_queue",
        ),
        Transition(
            "queue", ("received",), "queued", "Queue until a slot is free", lock="tests.casework.effects.lock_desk"
        ),
        Transition("resume", ("queued",), "study", "Resume", notify_applicant=False),
        Transition(
            "decline",
            ("received", "study"),
            "declined",
            "Decline",
            kind=REJECT,
            note_required=True,
            public_note=True,
        ),
        Transition(
            "propose",
            ("study",),
            "review",
            "Send the draft answer",
            form_class="tests.casework.forms.AnswerForm",
            effect="tests.casework.effects.record_answer",
        ),
        Transition("send_back", ("review",), "study", "Return for correction", kind=BACK, note_required=True),
        Transition("approve", ("review",), "done", "Approve and send", effect="tests.casework.effects.issue_answer"),
    ],
    viewer_roles=(roles.HEAD_OF_OFFICE,),
)
