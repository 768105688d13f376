"""SOP "Pendaftaran Narasumber" (file 004) and the shorter profile-update review, as procedures.

Printed steps: 1 the applicant fills in the online form, 2 the team lead analyses the data and
forwards it, 3 a team member verifies the profile against the standard modules, 4 the team lead
recommends approval or rejection to the level-2 official, 5 the head of unit decides and the
letter is sent; "if approved, continue with confirming the training schedule": the approval
proposes training dates and the approved trainer confirms them in /saya/ (or says they cannot
come, and the head of unit proposes other dates). Step 3 may send the application back to the
applicant, who corrects and resubmits it (the clock restarts).

What a transition does besides moving the case is its ``effect`` (``trainers.effects``); the
decision letter's wording is ``templates/trainers/letters/decision.txt``.
"""

from django.utils.translation import gettext_lazy as _

from accounts import roles
from procedures.registry import BACK, CLOSE, FORWARD, REJECT, Procedure, Step, Transition

CODE = "trainer_registration"
UPDATE_CODE = "trainer_profile_update"

#: States of an approved registration (the letter is issued; the schedule may still be being confirmed).
APPROVED_STATES = ("schedule_confirmation", "rescheduling", "approved")

PROCEDURE = Procedure(
    code=CODE,
    name=_("Trainer registration"),
    prefix="NRS",
    steps=[
        Step("draft", _("Application being filled in"), applicant_acts=True),
        Step("analysis", _("Analysed by the team lead"), (roles.TEAM_LEAD,), sop_step="2", default_minutes=5),
        Step(
            "verification",
            _("Verified against the standard modules"),
            (roles.TEAM_MEMBER,),
            sop_step="3",
            default_minutes=5,
        ),
        Step("correction", _("Returned to the applicant for correction"), applicant_acts=True),
        Step(
            "recommendation",
            _("Recommendation by the team lead"),
            (roles.TEAM_LEAD,),
            sop_step="4",
            default_minutes=5,
        ),
        Step("decision", _("Decision by the head of unit"), (roles.HEAD_OF_UNIT,), sop_step="5", default_minutes=5),
        Step(
            "schedule_confirmation",
            _("Approved: the trainer confirms the proposed training dates"),
            applicant_acts=True,
        ),
        Step(
            "rescheduling",
            _("The head of unit proposes other training dates"),
            (roles.HEAD_OF_UNIT,),
            sop_step="5",
            default_minutes=5,
        ),
        Step("approved", _("Approved, training dates confirmed"), final=True),
        Step("rejected", _("Not approved"), final=True),
    ],
    transitions=[
        Transition("submit", ("draft",), "analysis", _("Submit application"), by_applicant=True),
        Transition("forward", ("analysis",), "verification", _("Forward to the team member")),
        Transition(
            "verify",
            ("verification",),
            "recommendation",
            _("Record the verification and pass to the team lead"),
            form_class="trainers.forms.VerificationForm",
            effect="trainers.effects.record_verification",
        ),
        Transition(
            "send_back",
            ("verification",),
            "correction",
            _("Return to the applicant for correction"),
            kind=BACK,
            note_required=True,
            public_note=True,
        ),
        Transition(
            "resubmit",
            ("correction",),
            "analysis",
            _("Resubmit corrected application"),
            by_applicant=True,
            restart_clock=True,
        ),
        Transition(
            "recommend_approve",
            ("recommendation",),
            "decision",
            _("Recommend approval"),
            effect="trainers.effects.record_recommendation",
        ),
        Transition(
            "recommend_reject",
            ("recommendation",),
            "decision",
            _("Recommend rejection"),
            note_required=True,
            effect="trainers.effects.record_recommendation",
        ),
        Transition(
            "approve",
            ("decision",),
            "schedule_confirmation",
            _("Approve and issue the letter"),
            kind=FORWARD,
            form_class="trainers.forms.DecisionForm",
            effect="trainers.effects.approve",
        ),
        Transition(
            "reject",
            ("decision",),
            "rejected",
            _("Reject and issue the letter"),
            kind=REJECT,
            note_required=True,
            public_note=True,
            form_class="trainers.forms.DecisionForm",
            effect="trainers.effects.reject",
        ),
        # Step 5, continued: the approved trainer answers the proposed training dates in /saya/.
        Transition(
            "confirm_schedule",
            ("schedule_confirmation",),
            "approved",
            _("Confirm that I am available on the proposed dates"),
            by_applicant=True,
            kind=CLOSE,
            effect="trainers.effects.record_schedule_answer",
        ),
        Transition(
            "decline_schedule",
            ("schedule_confirmation",),
            "rescheduling",
            _("I am not available on these dates"),
            by_applicant=True,
            kind=BACK,
            note_required=True,
            effect="trainers.effects.record_schedule_answer",
        ),
        Transition(
            "propose_dates",
            ("rescheduling",),
            "schedule_confirmation",
            _("Propose other training dates"),
            form_class="trainers.forms.ScheduleProposalForm",
            effect="trainers.effects.record_proposed_schedule",
        ),
    ],
)

UPDATE_PROCEDURE = Procedure(
    code=UPDATE_CODE,
    # The whole trainer team follows the update requests; the team lead decides them.
    viewer_roles=(roles.TEAM_MEMBER, roles.HEAD_OF_UNIT),
    name=_("Trainer profile update"),
    prefix="UPD",
    steps=[
        Step("draft", _("Update being written"), applicant_acts=True),
        Step("review", _("Reviewed by the team lead"), (roles.TEAM_LEAD,), default_minutes=60),
        Step("applied", _("Applied to the profile draft"), final=True),
        Step("refused", _("Not applied"), final=True),
    ],
    transitions=[
        Transition("submit", ("draft",), "review", _("Send update request"), by_applicant=True),
        Transition(
            "apply",
            ("review",),
            "applied",
            _("Apply to the profile (as a draft for editors)"),
            effect="trainers.effects.apply_update",
        ),
        Transition(
            "refuse", ("review",), "refused", _("Refuse the update"), kind=REJECT, note_required=True, public_note=True
        ),
    ],
)
