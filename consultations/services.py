from django.db import transaction
from django.utils.translation import gettext as _

from procedures import services
from procedures.letters import issue_letter


@transaction.atomic
def submit_consultation(form, user):
    """Save the alumnus's question and start the SOP (step 1 → received)."""
    consultation = form.save(commit=False)
    consultation.user = user
    consultation.state = consultation.procedure.initial_state
    consultation.save()
    services.perform(consultation, "submit", user)
    return consultation


def issue_answer_letter(consultation, actor):
    return issue_letter(
        kind="consultation_answer",
        code="KONS",
        subject=_("Answer to your consultation: %(subject)s") % {"subject": consultation.subject},
        addressee=consultation.applicant_name,
        body="\n\n".join(
            [
                _(
                    "In reply to your question received on %(date)s with tracking number %(number)s, "
                    "we convey the following answer."
                )
                % {"date": f"{consultation.submitted_at:%d-%m-%Y}", "number": consultation.tracking_number},
                consultation.answer,
                _("If you need further assistance, please submit a new consultation through the portal."),
            ]
        ),
        details=[(_("Training attended"), consultation.training), (_("Question"), consultation.question)],
        case=consultation,
        created_by=actor,
    )
