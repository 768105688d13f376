"""What the SOP 003 and SOP 004 transitions do besides moving the case.

Each function is declared as a transition's ``effect`` in ``events/procedure.py`` and runs inside
that transition's transaction, with the :class:`procedures.services.Move` being applied.
"""

from events import services


def start_preparation(training, move):
    """Step 2: the approved plan opens the needs and the facilities checklist (SOP 004)."""
    services.start_preparation(training, move.actor)


def prepare_drafts(training, move):
    """Step 3: the head's instruction; the drafts start from the templates (kept if already written)."""
    drafts = services.draft_texts(training)
    training.update_fields(**{name: getattr(training, name) or text for name, text in drafts.items()})


def record_drafts(training, move):
    """Step 4: the three drafts as staff wrote them."""
    values = {
        name: move.data[name] for name in ("invitation_text", "cover_letter_text", "decree_text") if name in move.data
    }
    training.update_fields(**values)


def issue_letters(training, move):
    """Step 5: the invitation, the cover letter and the decree, numbered, on the letterhead, with QR."""
    services.issue_training_letters(training, move.actor)


def distribute_invitations(training, move):
    """Step 6: each region receives the letters and its personal nomination link."""
    services.distribute(training, move.actor)


def enrol_candidates(training, move):
    """Step 7 closes: accepted candidates become enrolments (SOP 000 verification)."""
    services.enrol_candidates(training, move.actor)


def record_meeting(training, move):
    """Step 8: minutes, attendees and decisions of the preparation meeting."""
    training.update_fields(
        meeting_minutes=move.data.get("meeting_minutes", ""),
        meeting_attendees=move.data.get("meeting_attendees", ""),
        meeting_decisions=move.data.get("meeting_decisions", ""),
    )


def draft_report(training, move):
    """Step 9 ends: the report is drafted from what the portal knows, for the committee to edit."""
    if not training.report_text:
        training.update_fields(report_text=services.report_text(training))


def render_report(training, move):
    """Step 10: the edited report, exported as PDF for the head of office."""
    if move.data.get("report_text"):
        training.update_fields(report_text=move.data["report_text"])
    services.render_report_pdf(training)


def record_needs(needs, move):
    """SOP 004: the needs as the head of unit drafted them and the chain corrected them."""
    if move.data.get("needs"):
        needs.update_fields(needs=move.data["needs"])
