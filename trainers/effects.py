"""What the trainer SOP's transitions do besides moving the case (declared in ``trainers/procedure.py``).

Each function runs inside its transition's transaction with the :class:`procedures.services.Move`
being applied: the review results are stored on the application, the decision issues the letter
and, on approval, the draft profile page editors publish.
"""

from trainers.services import apply_profile_update, create_trainer_page, issue_decision_letter


def record_verification(application, move):
    """Step 3: the standard modules the profile covers, and the team member's note."""
    modules = move.data.get("modules")
    if modules is not None:
        application.checked_modules.set(modules)
    application.update_fields(verification_note=move.event.note)


def record_recommendation(application, move):
    """Step 4: the team lead's recommendation to the head of unit, with its reason."""
    recommendation = "approve" if move.transition.name == "recommend_approve" else "reject"
    application.update_fields(recommendation=recommendation, recommendation_note=move.event.note)


def approve(application, move):
    """Step 5, approved: a draft trainer page for the editors, the approval letter, and the training dates
    the trainer is asked to confirm."""
    page = create_trainer_page(application, move.actor)
    if page is not None:
        application.update_fields(trainer_page=page)
    application.update_fields(proposed_schedule=(move.data.get("proposed_schedule") or "").strip())
    issue_decision_letter(application, move.actor, approved=True, note=move.data.get("letter_note") or "")


def reject(application, move):
    """Step 5, rejected: the letter with the head of unit's reason."""
    issue_decision_letter(application, move.actor, approved=False, note=move.event.note)


def record_proposed_schedule(application, move):
    """Step 5, continued: other training dates for the trainer to confirm."""
    application.update_fields(proposed_schedule=move.data["proposed_schedule"].strip(), schedule_answer="")


def record_schedule_answer(application, move):
    """Step 5, continued: the trainer's answer to the proposed dates (a refusal gives the reason)."""
    answer = move.event.note or ("confirmed" if move.transition.name == "confirm_schedule" else "")
    application.update_fields(schedule_answer=answer, schedule_answered_at=move.event.created_at)


def apply_update(update, move):
    """A published trainer's approved changes become a new draft revision of the profile page."""
    apply_profile_update(update, move.actor)
