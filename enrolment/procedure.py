"""SOP "Inovasi Kelas Kreatif" (file 000) as a procedure: enrolment and delivery of one class.

Printed steps: 1 the participant registers online or in person (5–10 min), 2 the admin
officer verifies the data, skills and training needs (15–20 min), 3 the class runs on its
schedule, 4 the instructor evaluates by a score or the presentation of a work
(30 min – 1 h), 5 the admin officer issues certificates (the certificates app).

Seats are not a step of the SOP but a rule of step 2: accepting a participant when the
class is full puts them on the waiting list instead (the ``outcome`` of "accept"), and a
freed seat promotes the first person waiting (a system transition). Every transition that
changes the seats first locks the class's seat counter (``lock``), and its ``effect`` keeps
the counter and the seat numbers right (``enrolment.effects``).
"""

from django.utils.translation import gettext_lazy as _

from accounts import roles
from procedures.registry import BACK, CLOSE, FORWARD, REJECT, Procedure, Step, Transition

CODE = "enrolment"

STAFF = (roles.ADMIN_OFFICER,)
DELIVERY = (roles.INSTRUCTOR, roles.ADMIN_OFFICER)
#: SOP 000 step 4: the evaluation is the instructor's (of the class: ``Enrolment.staff_may_act``).
EVALUATION = (roles.INSTRUCTOR,)

#: States that hold a seat of the class (capacity counts them).
SEATED_STATES = ("accepted", "attending", "evaluation", "completed")
#: States that still count as "taking part" for materials and check-in.
PARTICIPATING_STATES = ("accepted", "attending", "evaluation", "completed")
#: States in which a participant may still withdraw (before the class starts).
WITHDRAWABLE_STATES = ("verification", "correction", "accepted", "waitlisted")

#: Taken first by every transition that changes the seats of a class (one lock order everywhere).
LOCK_SEATS = "enrolment.seats.lock_class_seats"

PROCEDURE = Procedure(
    code=CODE,
    name=_("Class enrolment"),
    prefix="PST",
    steps=[
        Step("draft", _("Registration being filled in"), applicant_acts=True),
        Step(
            "verification",
            _("Data verified by the admin officer"),
            STAFF,
            sop_step="2",
            default_minutes=20,
        ),
        Step("correction", _("Waiting for the participant's correction"), applicant_acts=True),
        Step("waitlisted", _("On the waiting list"), STAFF),
        Step("accepted", _("Accepted"), STAFF),
        Step("attending", _("Taking part in the class"), DELIVERY),
        Step("evaluation", _("Evaluated by the instructor"), EVALUATION, sop_step="4", default_minutes=60),
        Step("completed", _("Completed"), final=True),
        Step("rejected", _("Not accepted"), final=True),
        Step("withdrawn", _("Withdrawn"), final=True),
        Step("removed", _("Removed from the class"), final=True),
    ],
    transitions=[
        Transition("submit", ("draft",), "verification", _("Send registration"), by_applicant=True),
        Transition(
            "accept",
            ("verification",),
            "accepted",
            _("Accept (waiting list when the class is full)"),
            lock=LOCK_SEATS,
            outcome="enrolment.seats.accept_or_waitlist",
            effect="enrolment.effects.take_seat",
        ),
        Transition(
            "waitlist",
            ("verification",),
            "waitlisted",
            _("Put on the waiting list"),
            lock=LOCK_SEATS,
            effect="enrolment.effects.join_waitlist",
        ),
        Transition(
            "send_back",
            ("verification",),
            "correction",
            _("Ask the participant to correct the data"),
            kind=BACK,
            note_required=True,
            public_note=True,
        ),
        Transition(
            "resubmit",
            ("correction",),
            "verification",
            _("Send corrected registration"),
            by_applicant=True,
            restart_clock=True,
        ),
        Transition(
            "reject",
            ("verification",),
            "rejected",
            _("Reject"),
            kind=REJECT,
            note_required=True,
            public_note=True,
        ),
        Transition(
            "promote",
            ("waitlisted",),
            "accepted",
            _("Give a freed seat"),
            lock=LOCK_SEATS,
            effect="enrolment.effects.take_freed_seat",
        ),
        Transition(
            "withdraw",
            WITHDRAWABLE_STATES,
            "withdrawn",
            _("Withdraw from the class"),
            kind=CLOSE,
            by_applicant=True,
            lock=LOCK_SEATS,
            effect="enrolment.effects.free_seat",
        ),
        Transition(
            "remove",
            ("accepted", "waitlisted", "attending"),
            "removed",
            _("Remove from the class"),
            kind=REJECT,
            roles=STAFF,
            note_required=True,
            public_note=True,
            lock=LOCK_SEATS,
            effect="enrolment.effects.free_seat",
        ),
        # Phase changes of the whole class: the participant follows them in the member area, not by email.
        Transition("start", ("accepted",), "attending", _("Class started"), roles=DELIVERY, notify_applicant=False),
        Transition(
            "to_evaluation",
            ("attending",),
            "evaluation",
            _("Class finished: evaluate"),
            kind=FORWARD,
            roles=DELIVERY,
            notify_applicant=False,
        ),
        Transition(
            "complete",
            ("evaluation",),
            "completed",
            _("Record the evaluation"),
            form_class="enrolment.forms.EvaluationForm",
            effect="enrolment.effects.record_completion",
        ),
    ],
)
