from django.db import transaction
from django.utils.translation import gettext as _

from procedures import services
from procedures.clock import office_calendar
from procedures.letters import issue_letter, letter_text
from procedures.standards import promise_minutes as procedure_promise

from .procedure import PROCEDURE


@transaction.atomic
def submit_consultation(form, user):
    """Save the alumnus's question and start the SOP (step 1 → received)."""
    consultation = form.save(commit=False)
    consultation.user = user
    consultation.start()
    services.perform(consultation, "submit", user)
    return consultation


def issue_answer_letter(consultation, actor):
    """The answer as a numbered letter on the letterhead (steps 6–7); its wording is a template."""
    return issue_letter(
        kind="consultation_answer",
        code="KONS",
        subject=_("Answer to your consultation: %(subject)s") % {"subject": consultation.subject},
        addressee=consultation.applicant_name,
        body=letter_text("consultations/letters/answer.txt", {"consultation": consultation}),
        details=[(_("Training attended"), consultation.training), (_("Question"), consultation.question)],
        case=consultation,
        created_by=actor,
    )


def promise_minutes(calendar=None):
    """The time the office promises for an answer: the SOP's total, from the published SOP page."""
    return procedure_promise(PROCEDURE, calendar or office_calendar())


def promise_text(calendar=None):
    calendar = calendar or office_calendar()
    return calendar.format_minutes(promise_minutes(calendar))
