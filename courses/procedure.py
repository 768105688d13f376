"""SOP "Penyiapan Bahan/Materi Diklat" (file 004) as a procedure: the review of a training material.

Printed steps: 1 the team lead orders the material prepared, 2 a team member prepares it, 3 the
team lead drafts it and passes it on, 4 the Level-2 official (head of unit) corrects it, 5 the
Level-1 official (head of office) checks it, 6 the head of unit coordinates with the team lead,
7 the team lead orders it documented, 8 a team member documents and distributes it.

In the portal a material is a page: the author writes it and submits it to the Wagtail workflow
"Review bahan/materi diklat" (team lead → head of unit → head of office), which publishes it.
The workflow's tasks move a :class:`courses.models.MaterialReview` through these steps
(``courses.review``), so each review runs on the SOP clock (standard times from the adopted
SOP page) and the SOP page's procedure code names a real procedure. Reviewers act in the
page editor's workflow actions, not on the case.
"""

from django.utils.translation import gettext_lazy as _

from accounts import roles
from procedures.registry import BACK, CLOSE, Procedure, Step, Transition

CODE = "material_preparation"

#: The workflow task of each review step, by the role of its group.
TASK_STATES = {
    roles.TEAM_LEAD: "lead_review",
    roles.HEAD_OF_UNIT: "unit_review",
    roles.HEAD_OF_OFFICE: "office_review",
}

PROCEDURE = Procedure(
    code=CODE,
    name=_("Training material review"),
    prefix="BHN",
    steps=[
        Step("draft", _("Material being written"), applicant_acts=True),
        Step(
            "lead_review",
            _("Drafted material checked by the team lead"),
            (roles.TEAM_LEAD,),
            sop_step="3",
            default_minutes=15,
        ),
        Step(
            "unit_review",
            _("Corrected by the head of unit (Level 2)"),
            (roles.HEAD_OF_UNIT,),
            sop_step="4",
            default_minutes=60,
        ),
        Step(
            "office_review",
            _("Checked by the head of office (Level 1)"),
            (roles.HEAD_OF_OFFICE,),
            sop_step="5",
            default_minutes=15,
        ),
        Step("changes_requested", _("Returned to the author for changes"), applicant_acts=True),
        Step("published", _("Approved and published"), final=True),
        Step("withdrawn", _("Review cancelled"), final=True),
    ],
    transitions=[
        Transition("submit", ("draft",), "lead_review", _("Submit for review"), by_applicant=True),
        Transition("lead_approve", ("lead_review",), "unit_review", _("Approve (team lead)")),
        Transition("unit_approve", ("unit_review",), "office_review", _("Approve (head of unit)")),
        Transition("office_approve", ("office_review",), "published", _("Approve and publish"), kind=CLOSE),
        Transition(
            "request_changes",
            ("lead_review", "unit_review", "office_review"),
            "changes_requested",
            _("Request changes"),
            kind=BACK,
        ),
        # Resubmitted, the material returns to the review step that asked for changes (Wagtail resumes that task).
        Transition(
            "resubmit",
            ("changes_requested",),
            "lead_review",
            _("Resubmit for review"),
            by_applicant=True,
            restart_clock=True,
        ),
        Transition(
            "resubmit_to_unit",
            ("changes_requested",),
            "unit_review",
            _("Resubmit for review"),
            by_applicant=True,
            restart_clock=True,
        ),
        Transition(
            "resubmit_to_office",
            ("changes_requested",),
            "office_review",
            _("Resubmit for review"),
            by_applicant=True,
            restart_clock=True,
        ),
        Transition(
            "cancel",
            ("draft", "lead_review", "unit_review", "office_review", "changes_requested"),
            "withdrawn",
            _("Cancel the review"),
            kind=CLOSE,
            by_applicant=True,
        ),
    ],
)
