"""What the consultation SOP's transitions do besides moving the case.

Each function is declared as a transition's ``effect`` in ``consultations/procedure.py`` and runs
inside that transition's transaction, with the :class:`procedures.services.Move` being applied.
"""

from consultations.services import issue_answer_letter


def record_answer(consultation, move):
    """Steps 3 and 4: the team lead's draft answer, as the head of unit may have corrected it."""
    answer = move.data.get("answer")
    if answer is not None:
        consultation.update_fields(answer=answer)


def send_answer_letter(consultation, move):
    """Step 7, as the team lead ordered in step 6: the answer is documented as a numbered letter; the status
    email tells the alumnus."""
    issue_answer_letter(consultation, move.actor)
