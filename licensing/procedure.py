"""SOP "Penerbitan Izin Penyelenggaraan Kursus dan Pelatihan" (file 001) as a procedure.

Printed steps: 1 the applicant applies online, 2 front office verifies the file (accepted →
back office, refused → back to the applicant), 3 back office receives it and routes it to the
technical office, 4 technical office inspects (BAP lapangan) and recommends (4 days),
5 back office drafts the decree (SK), 6 head of licensing approves, 7 secretary approves,
8 head of office signs, 9 the applicant receives the SK.

Steps 1 and 9 are the applicant's own time and are not timed: step 1 is the online form,
step 9 is the download of the signed SK from the applicant's page (``sk_received_at``).

The SOP names no refusal branch after the inspection. When the technical office does not
recommend the licence, the decree goes through the same drafting, approvals and signature,
but as a refusal letter (*surat penolakan*): the head of office signs the refusal and the case
ends in ``refused``. Which of the two signing actions is offered follows the recommendation
(:meth:`LicenceApplication.transition_available`).
"""

from django.utils.translation import gettext_lazy as _

from accounts import roles
from procedures.registry import BACK, FORWARD, REJECT, Procedure, Step, Transition

CODE = "course_licence"

PROCEDURE = Procedure(
    code=CODE,
    name=_("Course-provider licence"),
    prefix="IZN",
    steps=[
        Step("draft", _("Application being prepared"), applicant_acts=True),
        Step(
            "front_office_check",
            _("File verified by the front office"),
            (roles.FRONT_OFFICE,),
            sop_step="2",
            default_minutes=10,
        ),
        Step("correction", _("Returned to the applicant for correction"), applicant_acts=True),
        Step(
            "back_office_intake",
            _("Received by the back office"),
            (roles.BACK_OFFICE,),
            sop_step="3",
            default_minutes=10,
        ),
        Step(
            "technical_review",
            _("Field inspection and recommendation by the technical office"),
            (roles.TECHNICAL_AGENCY,),
            sop_step="4",
            default_days=4,
        ),
        Step(
            "decree_drafting",
            _("Decree drafted by the back office"),
            (roles.BACK_OFFICE,),
            sop_step="5",
            default_minutes=10,
        ),
        Step(
            "head_approval",
            _("Approval by the head of licensing"),
            (roles.HEAD_OF_LICENSING,),
            sop_step="6",
            default_minutes=5,
        ),
        Step(
            "secretary_approval",
            _("Approval by the secretary"),
            (roles.SECRETARY,),
            sop_step="7",
            default_minutes=5,
        ),
        Step(
            "signing", _("Signature of the head of office"), (roles.HEAD_OF_OFFICE,), sop_step="8", default_minutes=5
        ),
        Step("issued", _("Licence issued: decree ready for download"), final=True),
        Step("refused", _("Licence refused: refusal letter issued"), final=True),
    ],
    transitions=[
        Transition(
            "submit",
            ("draft",),
            "front_office_check",
            _("Submit the application"),
            by_applicant=True,
            effect="licensing.effects.check_submission",
        ),
        Transition(
            "accept_file",
            ("front_office_check",),
            "back_office_intake",
            _("Accept the file (every item checked)"),
            form_class="licensing.forms.AcceptFileForm",
            effect="licensing.effects.accept_file",
        ),
        Transition(
            "refuse_file",
            ("front_office_check",),
            "correction",
            _("Return to the applicant for correction"),
            kind=BACK,
            public_note=True,
            form_class="licensing.forms.RefuseFileForm",
            effect="licensing.effects.refuse_file",
        ),
        Transition(
            "resubmit",
            ("correction",),
            "front_office_check",
            _("Resubmit the corrected file"),
            by_applicant=True,
            restart_clock=True,
            effect="licensing.effects.check_submission",
        ),
        Transition(
            "route_to_technical", ("back_office_intake",), "technical_review", _("Route to the technical office")
        ),
        Transition(
            "report_inspection",
            ("technical_review",),
            "decree_drafting",
            _("Submit the field inspection report and recommendation"),
            form_class="licensing.forms.InspectionForm",
            effect="licensing.effects.report_inspection",
        ),
        Transition(
            "draft_decree",
            ("decree_drafting",),
            "head_approval",
            _("Send the draft decree to the head of licensing"),
            form_class="licensing.forms.DecreeDraftForm",
            effect="licensing.effects.draft_decree",
        ),
        Transition("head_approve", ("head_approval",), "secretary_approval", _("Approve the draft decree")),
        Transition(
            "head_return",
            ("head_approval",),
            "decree_drafting",
            _("Return the draft to the back office"),
            kind=BACK,
            note_required=True,
        ),
        Transition("secretary_approve", ("secretary_approval",), "signing", _("Approve the draft decree")),
        Transition(
            "secretary_return",
            ("secretary_approval",),
            "decree_drafting",
            _("Return the draft to the back office"),
            kind=BACK,
            note_required=True,
        ),
        Transition(
            "sign", ("signing",), "issued", _("Sign the licence decree"), kind=FORWARD, effect="licensing.effects.sign"
        ),
        Transition(
            "sign_refusal",
            ("signing",),
            "refused",
            _("Sign the refusal letter"),
            kind=REJECT,
            public_note=True,
            effect="licensing.effects.sign_refusal",
        ),
        Transition(
            "signing_return",
            ("signing",),
            "decree_drafting",
            _("Return the draft to the back office"),
            kind=BACK,
            note_required=True,
        ),
    ],
)
