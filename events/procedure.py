"""SOP 003 "Penyelenggaraan Pelatihan" and SOP 004 "Pelaksanaan Kegiatan Diklat" / "Penyiapan Sarana
dan Prasarana Diklat" as procedures.

SOP 003, printed steps: 1 staff (JFU) make the work plan from the schedule and the budget (DPA),
2 the head of unit checks and approves it, 3 instructs the drafts of the invitation, the cover
letter and the committee decree (SK Panitia), 4 staff draft them, 5 the head initials the drafts
and signs the cover letter, 6 staff distribute the invitations to the regencies and cities,
7 receive their nominations (one week, counted as 5 working days), 8 the committee holds the
internal preparation meeting, 9 runs the training, 10 writes the implementation report and
11 the head of office receives it. Step 1 is the plan form in the admin (``submit``); a plan sent
back is corrected in the same step.

Every step's roles and standard time come from the SOP library (``events.sop``); what a
transition does besides moving the case is its ``effect`` (``events.effects``).
"""

from django.utils.translation import gettext_lazy as _

from accounts import roles
from procedures.registry import BACK, CLOSE, REJECT, Procedure, Step, Transition

from .sop import FACILITIES_SOP, NEEDS_SOP, TRAINING_SOP, sop_step

CODE = "regional_training"
NEEDS_CODE = "training_needs"
FACILITIES_CODE = "training_facilities"

STAFF = (roles.ADMIN_OFFICER,)

PROCEDURE = Procedure(
    code=CODE,
    name=_("Regional training"),
    prefix="PLT",
    steps=[
        Step("draft", _("Work plan being written"), STAFF),
        Step("revision", _("Work plan corrected by staff"), **sop_step(TRAINING_SOP, 1)),
        Step("approval", _("Work plan checked by the head of unit"), **sop_step(TRAINING_SOP, 2)),
        Step("instruction", _("Drafts instructed by the head of unit"), **sop_step(TRAINING_SOP, 3)),
        Step("drafting", _("Invitation, cover letter and committee decree drafted"), **sop_step(TRAINING_SOP, 4)),
        Step("signing", _("Drafts initialled and cover letter signed"), **sop_step(TRAINING_SOP, 5)),
        Step("distribution", _("Invitations distributed to the regencies and cities"), **sop_step(TRAINING_SOP, 6)),
        Step("nominations", _("Nominations received from the regions"), **sop_step(TRAINING_SOP, 7)),
        Step("meeting", _("Internal preparation meeting"), **sop_step(TRAINING_SOP, 8)),
        Step("running", _("Training running"), **sop_step(TRAINING_SOP, 9)),
        Step("reporting", _("Implementation report written"), **sop_step(TRAINING_SOP, 10)),
        Step("acknowledgement", _("Report received by the head of office"), **sop_step(TRAINING_SOP, 11)),
        Step("received", _("Report received"), final=True),
        Step("cancelled", _("Cancelled"), final=True),
    ],
    transitions=[
        Transition("submit", ("draft",), "approval", _("Send the work plan to the head of unit"), roles=STAFF),
        Transition("resubmit", ("revision",), "approval", _("Send the corrected work plan")),
        Transition(
            "approve",
            ("approval",),
            "instruction",
            _("Approve the work plan"),
            effect="events.effects.start_preparation",
        ),
        Transition(
            "send_back",
            ("approval",),
            "revision",
            _("Send the plan back for correction"),
            kind=BACK,
            note_required=True,
        ),
        Transition("cancel", ("approval",), "cancelled", _("Cancel the training"), kind=REJECT, note_required=True),
        Transition(
            "instruct",
            ("instruction",),
            "drafting",
            _("Instruct the drafts"),
            effect="events.effects.prepare_drafts",
        ),
        Transition(
            "submit_drafts",
            ("drafting",),
            "signing",
            _("Send the drafts to the head of unit"),
            form_class="events.forms.DraftsTransitionForm",
            effect="events.effects.record_drafts",
        ),
        Transition(
            "sign",
            ("signing",),
            "distribution",
            _("Initial the drafts and sign the cover letter"),
            effect="events.effects.issue_letters",
        ),
        Transition(
            "return_drafts",
            ("signing",),
            "drafting",
            _("Return the drafts for correction"),
            kind=BACK,
            note_required=True,
        ),
        Transition(
            "distribute",
            ("distribution",),
            "nominations",
            _("Send the invitations to the regions"),
            effect="events.effects.distribute_invitations",
        ),
        Transition(
            "close_nominations",
            ("nominations",),
            "meeting",
            _("Close the nominations and enrol the accepted candidates"),
            effect="events.effects.enrol_candidates",
        ),
        Transition(
            "record_meeting",
            ("meeting",),
            "running",
            _("Record the preparation meeting"),
            form_class="events.forms.MeetingTransitionForm",
            effect="events.effects.record_meeting",
        ),
        Transition(
            "finish_training",
            ("running",),
            "reporting",
            _("The training has ended: draft the report"),
            effect="events.effects.draft_report",
        ),
        Transition(
            "submit_report",
            ("reporting",),
            "acknowledgement",
            _("Send the report to the head of office"),
            form_class="events.forms.ReportTransitionForm",
            effect="events.effects.render_report",
        ),
        Transition(
            "acknowledge", ("acknowledgement",), "received", _("Acknowledge receipt of the report"), kind=CLOSE
        ),
        Transition(
            "return_report",
            ("acknowledgement",),
            "reporting",
            _("Return the report for correction"),
            kind=BACK,
            note_required=True,
        ),
    ],
)


# SOP 004 "Pelaksanaan Kegiatan Diklat": the needs of the training, drafted and corrected along the
# chain. Its printed numbers repeat (1–7, 9, 8, 9), so the steps name no label for the clock; their
# roles and standard times still come from the library, by position.
NEEDS_PROCEDURE = Procedure(
    code=NEEDS_CODE,
    name=_("Needs of a training"),
    prefix="KBT",
    steps=[
        Step("draft", _("Not started")),
        Step("order", _("Team lead orders the team member"), **sop_step(NEEDS_SOP, 1, label=False)),
        Step("coordination", _("Team member coordinates the follow-up"), **sop_step(NEEDS_SOP, 2, label=False)),
        Step("unit_order", _("Head of unit orders the preparation"), **sop_step(NEEDS_SOP, 3, label=False)),
        Step("unit_preparation", _("Head of unit prepares the needs"), **sop_step(NEEDS_SOP, 4, label=False)),
        Step("unit_draft", _("Head of unit drafts the needs"), **sop_step(NEEDS_SOP, 5, label=False)),
        Step("member_check", _("Team member corrects the draft"), **sop_step(NEEDS_SOP, 6, label=False)),
        Step("lead_check", _("Team lead corrects the draft"), **sop_step(NEEDS_SOP, 7, label=False)),
        Step("level1_review", _("Level-1 official reviews the needs"), **sop_step(NEEDS_SOP, 8, label=False)),
        Step("documentation_order", _("Team lead orders documentation"), **sop_step(NEEDS_SOP, 9, label=False)),
        Step("documentation", _("Team member documents and distributes"), **sop_step(NEEDS_SOP, 10, label=False)),
        Step("distributed", _("Needs documented and distributed"), final=True),
    ],
    transitions=[
        Transition("open", ("draft",), "order", _("Open"), roles=()),
        Transition("dispose", ("order",), "coordination", _("Dispose to the team member")),
        Transition("forward", ("coordination",), "unit_order", _("Forward to the head of unit")),
        Transition("order_preparation", ("unit_order",), "unit_preparation", _("Order the preparation")),
        Transition(
            "prepare",
            ("unit_preparation",),
            "unit_draft",
            _("Record the needs and report to the Level-1 official"),
            form_class="events.forms.NeedsTransitionForm",
            effect="events.effects.record_needs",
        ),
        Transition(
            "send_draft",
            ("unit_draft",),
            "member_check",
            _("Send the draft to the team member"),
            form_class="events.forms.NeedsTransitionForm",
            effect="events.effects.record_needs",
        ),
        Transition(
            "member_agree",
            ("member_check",),
            "lead_check",
            _("Agree and pass to the team lead"),
            form_class="events.forms.NeedsTransitionForm",
            effect="events.effects.record_needs",
        ),
        Transition(
            "member_return", ("member_check",), "unit_draft", _("Return for correction"), kind=BACK, note_required=True
        ),
        Transition(
            "lead_agree",
            ("lead_check",),
            "level1_review",
            _("Agree and pass to the Level-1 official"),
            form_class="events.forms.NeedsTransitionForm",
            effect="events.effects.record_needs",
        ),
        Transition(
            "lead_return", ("lead_check",), "member_check", _("Return for correction"), kind=BACK, note_required=True
        ),
        Transition("level1_approve", ("level1_review",), "documentation_order", _("Approve the needs")),
        Transition(
            "level1_return",
            ("level1_review",),
            "unit_draft",
            _("Return for correction"),
            kind=BACK,
            note_required=True,
        ),
        Transition("order_documentation", ("documentation_order",), "documentation", _("Order documentation")),
        Transition("distribute", ("documentation",), "distributed", _("Document and distribute the needs")),
    ],
)


# SOP 004 "Penyiapan Sarana dan Prasarana Diklat": the facilities checklist of one training.
FACILITIES_PROCEDURE = Procedure(
    code=FACILITIES_CODE,
    name=_("Facilities of a training"),
    prefix="SPD",
    steps=[
        Step("draft", _("Not started")),
        Step("order", _("Team lead orders the preparation"), **sop_step(FACILITIES_SOP, 1)),
        Step("preparing", _("Team member prepares the facilities"), **sop_step(FACILITIES_SOP, 2)),
        Step("inventory", _("Team lead inventories the facilities"), **sop_step(FACILITIES_SOP, 3)),
        Step("unit_review", _("Head of unit identifies the facilities"), **sop_step(FACILITIES_SOP, 4)),
        Step("level1_review", _("Level-1 official checks the facilities"), **sop_step(FACILITIES_SOP, 5)),
        Step("final_order", _("Team lead orders the final preparation"), **sop_step(FACILITIES_SOP, 6)),
        Step("final_preparation", _("Team member readies the facilities"), **sop_step(FACILITIES_SOP, 7)),
        Step("ready", _("Facilities ready"), final=True),
    ],
    transitions=[
        Transition("open", ("draft",), "order", _("Open"), roles=()),
        Transition("dispose", ("order",), "preparing", _("Dispose to the team member")),
        Transition("report_prepared", ("preparing",), "inventory", _("Report the facilities to the team lead")),
        Transition("inventoried", ("inventory",), "unit_review", _("Inventory done: pass to the head of unit")),
        Transition("unit_forward", ("unit_review",), "level1_review", _("Pass to the Level-1 official")),
        Transition(
            "unit_return", ("unit_review",), "inventory", _("Return for correction"), kind=BACK, note_required=True
        ),
        Transition("level1_approve", ("level1_review",), "final_order", _("Approve the facilities")),
        Transition(
            "level1_return",
            ("level1_review",),
            "unit_review",
            _("Return for correction"),
            kind=BACK,
            note_required=True,
        ),
        Transition("order_final", ("final_order",), "final_preparation", _("Order the final preparation")),
        Transition("ready", ("final_preparation",), "ready", _("Every item is ready")),
    ],
)
