"""What the resource-person request SOP's transitions do besides moving the case.

Each function is declared as a transition's ``effect`` in ``trainer_requests/procedure.py`` and
runs inside that transition's transaction with the :class:`procedures.services.Move` applied.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from procedures.services import TransitionConflict
from trainer_requests.letters import issue_approval_letters, issue_refusal_letter
from trainer_requests.models import ReportPhoto, TrainerAssignment


def record_confirmation(trainer_request, move):
    """Step 1: the applicant's confirmed address is the letter's arrival at the office."""
    trainer_request.update_fields(email_confirmed_at=move.event.created_at)


def record_registration(trainer_request, move):
    """Step 1 for a letter on paper, by WhatsApp or by email: the technical officer registers it on arrival."""
    trainer_request.update_fields(registered_by=move.actor)


def record_letter(trainer_request, move):
    """Step 2: the technical officer records and archives the letter (agenda number and date)."""
    trainer_request.update_fields(agenda_number=move.data["agenda_number"], agenda_date=move.data["agenda_date"])


def record_analysis(trainer_request, move):
    """Step 3: the head of section's analysis (*telaahan*) of the material needed."""
    trainer_request.update_fields(analysis=move.data["analysis"])


def assign_trainers(trainer_request, move):
    """Step 4: the head of office names the trainers; conflicts seen and any override are kept."""
    data, actor = move.data, move.actor
    conflicts = data.get("conflicts") or {}
    override = bool(data.get("override_conflicts"))
    reason = (data.get("override_reason") or "").strip()
    active = {a.trainer_id for a in trainer_request.active_assignments()}
    for trainer in data.get("trainers") or []:
        if trainer.pk in active:
            continue
        conflict_text = conflicts.get(trainer.pk, "")
        TrainerAssignment.objects.create(
            request=trainer_request,
            trainer=trainer,
            conflict_override=bool(conflict_text) and override,
            override_reason=reason if conflict_text else "",
            conflicts_at_assignment=conflict_text,
            assigned_by=actor if actor is not None and actor.is_authenticated else None,
        )


def record_refusal(trainer_request, move):
    """Step 4, refused: the head of office's reason goes into the refusal letter."""
    trainer_request.update_fields(refusal_reason=move.event.note)


def send_approval_letters(trainer_request, move):
    """Step 5: the confirmation letter to the applicant and a *surat tugas* for each new trainer."""
    issue_approval_letters(trainer_request, move.actor)


def send_refusal_letter(trainer_request, move):
    """Step 5, refused: the reply letter with the reason."""
    issue_refusal_letter(trainer_request, move.actor)


def close_with_report(trainer_request, move):
    """After the event: the attendance, a short report and the photos close the request."""
    data = move.data
    trainer_request.update_fields(attendance_count=data["attendance_count"], report_notes=data["report_notes"])
    for upload in data.get("photos") or []:
        photo = ReportPhoto(request=trainer_request)
        photo.image.save(upload.name, upload, save=False)
        photo.save()


def record_phone_answer(trainer_request, move):
    """After step 5: the technical officer records a trainer's answer received by phone, with the call's note."""
    assignment = TrainerAssignment.objects.select_for_update().get(pk=move.data["assignment"].pk)
    if assignment.request_id != trainer_request.pk or assignment.status != TrainerAssignment.Status.ASSIGNED:
        raise TransitionConflict(_("This assignment was answered in the meantime. Reload the page."))
    declined = move.transition.name == "phone_decline"
    assignment.status = TrainerAssignment.Status.DECLINED if declined else TrainerAssignment.Status.CONFIRMED
    assignment.responded_at = timezone.now()
    assignment.recorded_by = move.actor
    assignment.answer_note = move.note
    if declined:
        assignment.decline_reason = move.note
    assignment.save(update_fields=["status", "responded_at", "recorded_by", "answer_note", "decline_reason"])
