"""The letters of SOP "Permintaan Narasumber" step 5: confirmation, *surat tugas* per trainer, refusal.

The wording is in ``templates/trainer_requests/letters/``; this module numbers, addresses and
sends them. Letters are always written in the office's language (Indonesian), whatever language
the officer's screen uses.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.links import base_url
from procedures.letters import issue_letter, letter_text
from procedures.outbox import queue_email
from trainer_requests.models import TrainerAssignment
from trainer_requests.services import absolute_case_url

# Letter numbers are counted per letter kind, so each kind needs its own code to stay unique.
APPROVAL_CODE = "NARSUM"
REFUSAL_CODE = "NARSUM.TLK"
ASSIGNMENT_CODE = "ST.NARSUM"


def addressee(trainer_request):
    return "\n".join(
        [
            _("Head of %(organisation)s") % {"organisation": trainer_request.organisation_name},
            _("attn. %(name)s") % {"name": trainer_request.applicant_name},
            trainer_request.address,
            trainer_request.regency,
        ]
    )


def event_details(trainer_request):
    return [
        (_("Event"), trainer_request.event_title),
        (_("Dates and times"), trainer_request.date_display),
        (_("Place"), trainer_request.place_display),
        (_("Participants"), f"{trainer_request.audience_size} · {trainer_request.audience_profile}"),
    ]


def letter_context(trainer_request, **extra):
    """What every letter template reads: the request and the day its letter was received."""
    received = trainer_request.agenda_date or timezone.localdate(trainer_request.submitted_at)
    return {"trainer_request": trainer_request, "received": received, **extra}


def issue_approval_letters(trainer_request, actor):
    """The confirmation letter to the applicant and a surat tugas for each newly assigned trainer."""
    with translation.override(settings.LANGUAGE_CODE):
        assignments = list(trainer_request.active_assignments())
        names = "\n".join(f"{i}. {a.trainer.full_name}" for i, a in enumerate(assignments, 1))
        confirmation = issue_letter(
            kind="trainer_request_approval",
            code=APPROVAL_CODE,
            subject=_("Confirmation of a resource person for %(event)s") % {"event": trainer_request.event_title},
            addressee=addressee(trainer_request),
            body=letter_text("trainer_requests/letters/approval.txt", letter_context(trainer_request, names=names)),
            details=[*event_details(trainer_request), (_("Assigned trainers"), names)],
            case=trainer_request,
            created_by=actor,
        )
        new_letters = []
        for assignment in assignments:
            if assignment.letter_id:
                continue
            letter = issue_letter(
                kind="trainer_assignment",
                code=ASSIGNMENT_CODE,
                subject=_("Assignment letter (surat tugas): resource person for %(event)s")
                % {"event": trainer_request.event_title},
                addressee=assignment.trainer.full_name,
                body=letter_text(
                    "trainer_requests/letters/assignment.txt",
                    letter_context(trainer_request, trainer=assignment.trainer),
                ),
                details=[
                    *event_details(trainer_request),
                    (_("Contact person"), f"{trainer_request.applicant_name} · {trainer_request.phone}"),
                ],
                case=trainer_request,
                created_by=actor,
            )
            TrainerAssignment.objects.filter(pk=assignment.pk).update(letter=letter)
            assignment.letter = letter
            new_letters.append((assignment, letter))
    queue_email(
        [trainer_request.applicant_email],
        _("[%(number)s] Your request is approved: letter %(letter)s")
        % {"number": trainer_request.tracking_number, "letter": confirmation.number},
        "trainer_requests/email/letters.txt",
        {"trainer_request": trainer_request, "letter": confirmation, "page_url": absolute_case_url(trainer_request)},
        key=f"trainer_request:{trainer_request.pk}:letter:{confirmation.pk}",
    )
    for assignment, letter in new_letters:
        user = assignment.trainer.user
        if user is None or not user.email:
            continue
        queue_email(
            [user.email],
            _("Assignment as resource person: %(event)s") % {"event": trainer_request.event_title},
            "trainer_requests/email/assignment.txt",
            {
                "trainer_request": trainer_request,
                "assignment": assignment,
                "letter": letter,
                "assignment_url": base_url() + reverse("trainer_requests:assignment", args=[assignment.pk]),
            },
            key=f"trainer_request:{trainer_request.pk}:assignment:{assignment.pk}:{letter.pk}",
        )
    return confirmation


def issue_refusal_letter(trainer_request, actor):
    """The reply to a refused request, with the head of office's reason."""
    with translation.override(settings.LANGUAGE_CODE):
        letter = issue_letter(
            kind="trainer_request_refusal",
            code=REFUSAL_CODE,
            subject=_("Reply to your request for a resource person for %(event)s")
            % {"event": trainer_request.event_title},
            addressee=addressee(trainer_request),
            body=letter_text("trainer_requests/letters/refusal.txt", letter_context(trainer_request)),
            details=event_details(trainer_request),
            case=trainer_request,
            created_by=actor,
        )
    queue_email(
        [trainer_request.applicant_email],
        _("[%(number)s] Reply to your request: letter %(letter)s")
        % {"number": trainer_request.tracking_number, "letter": letter.number},
        "trainer_requests/email/letters.txt",
        {"trainer_request": trainer_request, "letter": letter, "page_url": absolute_case_url(trainer_request)},
        key=f"trainer_request:{trainer_request.pk}:letter:{letter.pk}",
    )
    return letter
