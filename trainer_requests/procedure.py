"""SOP "Permintaan Narasumber" (file 004) as a procedure.

Printed steps of the SOP: 1 the technical officer receives the request letter, 2 records
and archives it and forwards it to the head of section, 3 the head of section writes the
analysis (*telaahan*) of the material needed for the head of office, 4 the head of office
approves or refuses and names the person(s), 5 the head of section has the technical officer
send the confirmation letter (both act in step 5).

A letter reaches the office two ways. Online, the applicant's form is held, hidden from staff,
until the applicant confirms their email address (``confirm``: the portal's own check, not an
SOP step); the letter then waits in the technical officer's queue for step 1 (``receive``). On
paper, by WhatsApp or by email, the technical officer registers it in the admin (``register``):
registering it is step 1, so the case starts at step 2. After the letters the assigned trainers
confirm or decline in /saya/, or the technical officer records an answer received by phone (a
decline returns the request to the head of office for reassignment), and after the event the
technical officer closes the request with a short report.

What a transition does besides moving the case is its ``effect`` (``trainer_requests.effects``);
the letters' wording is in ``templates/trainer_requests/letters/``.
"""

from django.utils.translation import gettext_lazy as _

from accounts import roles
from procedures.registry import BACK, CLOSE, FORWARD, REJECT, Procedure, Step, Transition

CODE = "trainer_request"

#: States in which an assignment counts as approved (it blocks the trainer's calendar).
APPROVED_STATES = ("letters", "trainer_confirmation", "scheduled", "closed")

#: Who the SOP's actor columns are in this office (the roles acting in each SOP step).
SOP_ACTORS = {
    "Petugas Teknis": roles.TECHNICAL_OFFICER,
    "Eselon/Fungsional Khusus": roles.HEAD_OF_UNIT,
    "Pejabat Level 1": roles.HEAD_OF_OFFICE,
}

PROCEDURE = Procedure(
    code=CODE,
    name=_("Resource-person request"),
    prefix="PNR",
    initial_state="unconfirmed",
    # Unconfirmed email addresses are the applicant's business only: the core keeps them off staff screens.
    hidden_states=("unconfirmed",),
    steps=[
        Step("unconfirmed", _("Waiting for the email address to be confirmed"), applicant_acts=True),
        Step(
            "incoming",
            _("Request letter received by the technical officer"),
            (roles.TECHNICAL_OFFICER,),
            sop_step="1",
            default_minutes=5,
        ),
        Step(
            "received",
            _("Letter received: recorded and archived by the technical officer"),
            (roles.TECHNICAL_OFFICER,),
            sop_step="2",
            default_minutes=5,
        ),
        Step(
            "analysis",
            _("Analysis of the material needed by the head of section"),
            (roles.HEAD_OF_UNIT,),
            sop_step="3",
            default_minutes=10,
        ),
        Step(
            "decision",
            _("Decision and choice of trainers by the head of office"),
            (roles.HEAD_OF_OFFICE,),
            sop_step="4",
            default_minutes=10,
        ),
        Step(
            "letters",
            _("Confirmation and assignment letters issued"),
            (roles.HEAD_OF_UNIT, roles.TECHNICAL_OFFICER),
            sop_step="5",
            default_minutes=10,
        ),
        Step(
            "refusal_letter",
            _("Refusal letter issued"),
            (roles.HEAD_OF_UNIT, roles.TECHNICAL_OFFICER),
            sop_step="5",
            default_minutes=10,
        ),
        Step("trainer_confirmation", _("Waiting for the trainers to confirm")),
        Step("scheduled", _("Trainers confirmed: waiting for the event"), (roles.TECHNICAL_OFFICER,)),
        Step("closed", _("Event held and reported"), final=True),
        Step("refused", _("Request refused"), final=True),
    ],
    transitions=[
        Transition(
            "confirm",
            ("unconfirmed",),
            "incoming",
            _("Confirm the email address"),
            by_applicant=True,
            effect="trainer_requests.effects.record_confirmation",
        ),
        Transition(
            "receive",
            ("incoming",),
            "received",
            _("Receive the request letter"),
        ),
        Transition(
            "register",
            ("unconfirmed",),
            "received",
            _("Register a request letter received on paper, by WhatsApp or by email"),
            roles=(roles.TECHNICAL_OFFICER,),
            effect="trainer_requests.effects.record_registration",
        ),
        Transition(
            "record",
            ("received",),
            "analysis",
            _("Record, archive and forward to the head of section"),
            form_class="trainer_requests.forms.RecordLetterForm",
            effect="trainer_requests.effects.record_letter",
        ),
        Transition(
            "submit_analysis",
            ("analysis",),
            "decision",
            _("Send the analysis to the head of office"),
            form_class="trainer_requests.forms.AnalysisForm",
            effect="trainer_requests.effects.record_analysis",
        ),
        Transition(
            "return_analysis",
            ("decision",),
            "analysis",
            _("Return the analysis for correction"),
            kind=BACK,
            note_required=True,
        ),
        Transition(
            "approve",
            ("decision",),
            "letters",
            _("Approve and assign trainers"),
            form_class="trainer_requests.forms.ApprovalForm",
            effect="trainer_requests.effects.assign_trainers",
        ),
        Transition(
            "refuse",
            ("decision",),
            "refusal_letter",
            _("Refuse the request"),
            kind=REJECT,
            note_required=True,
            public_note=True,
            effect="trainer_requests.effects.record_refusal",
        ),
        Transition(
            "issue_letters",
            ("letters",),
            "trainer_confirmation",
            _("Issue and send the letters"),
            effect="trainer_requests.effects.send_approval_letters",
        ),
        Transition(
            "issue_refusal",
            ("refusal_letter",),
            "refused",
            _("Issue and send the refusal letter"),
            kind=CLOSE,
            effect="trainer_requests.effects.send_refusal_letter",
        ),
        # Made by the portal when the assigned trainers answer in /saya/ (system transitions).
        Transition("trainers_confirmed", ("trainer_confirmation",), "scheduled", _("All trainers confirmed")),
        Transition(
            "trainer_declined",
            ("trainer_confirmation",),
            "decision",
            _("A trainer declined: choose another"),
            kind=BACK,
        ),
        # A trainer without an account (or who answers by phone) cannot answer in /saya/: the technical
        # officer records the answer received by phone, with a note. Which confirm applies depends on
        # how many assignments still wait (``TrainerRequest.transition_available``).
        Transition(
            "phone_confirm",
            ("trainer_confirmation",),
            "trainer_confirmation",
            _("Record a confirmation received by phone"),
            roles=(roles.TECHNICAL_OFFICER,),
            note_required=True,
            notify_applicant=False,
            form_class="trainer_requests.forms.PhoneAnswerForm",
            effect="trainer_requests.effects.record_phone_answer",
        ),
        Transition(
            "phone_confirm_last",
            ("trainer_confirmation",),
            "scheduled",
            _("Record a confirmation received by phone"),
            roles=(roles.TECHNICAL_OFFICER,),
            note_required=True,
            form_class="trainer_requests.forms.PhoneAnswerForm",
            effect="trainer_requests.effects.record_phone_answer",
        ),
        Transition(
            "phone_decline",
            ("trainer_confirmation",),
            "decision",
            _("Record a refusal received by phone"),
            kind=BACK,
            roles=(roles.TECHNICAL_OFFICER,),
            note_required=True,
            notify_applicant=False,
            form_class="trainer_requests.forms.PhoneAnswerForm",
            effect="trainer_requests.effects.record_phone_answer",
        ),
        Transition(
            "close",
            ("scheduled",),
            "closed",
            _("Close with the event report"),
            kind=CLOSE,
            form_class="trainer_requests.forms.ReportForm",
            effect="trainer_requests.effects.close_with_report",
        ),
    ],
)

__all__ = ["APPROVED_STATES", "CODE", "FORWARD", "PROCEDURE"]
