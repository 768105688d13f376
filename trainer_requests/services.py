"""The resource-person request flow: submission, email confirmation, assignments, letters."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from procedures import services
from procedures.letters import issue_letter
from procedures.outbox import queue_email
from trainers.schedule import ScheduleItem, busy_times

from .conflicts import find_conflicts
from .models import PendingUpload, ReportPhoto, TrainerAssignment, TrainerRequest
from .procedure import APPROVED_STATES

CONFIRM_SALT = "trainer_requests.confirm-email"
CONFIRM_MAX_AGE = 3 * 24 * 3600
# Letter numbers are counted per letter kind, so each kind needs its own code to stay unique.
APPROVAL_CODE = "NARSUM"
REFUSAL_CODE = "NARSUM.TLK"
ASSIGNMENT_CODE = "ST.NARSUM"


# Submission and email confirmation ---------------------------------------------------------


@transaction.atomic
def submit_request(form):
    """Save a valid public form as an unconfirmed request and email the confirmation link.

    Nothing reaches staff until the link is followed: the request has no tracking number,
    is not in the admin queue and no staff email is sent.
    """
    trainer_request = form.save(commit=False)
    trainer_request.state = trainer_request.procedure.initial_state
    trainer_request.consent_at = timezone.now()
    upload = form.cleaned_data.get("letter")
    if upload:
        upload.seek(0)
        trainer_request.letter_name = upload.name[:255]
        trainer_request.letter.save(upload.name, upload, save=False)
    else:
        pending = form.pending
        trainer_request.letter_name = pending.original_name
        with pending.file.open("rb") as handle:
            trainer_request.letter.save(pending.original_name, handle, save=False)
    trainer_request.save()
    if form.pending is not None:
        form.pending.file.delete(save=False)
        form.pending.delete()
    send_confirmation_email(trainer_request)
    transaction.on_commit(PendingUpload.purge_stale)
    return trainer_request


def confirmation_token(trainer_request):
    return signing.dumps({"id": trainer_request.pk, "e": trainer_request.applicant_email}, salt=CONFIRM_SALT)


def confirmation_url(trainer_request):
    path = reverse("trainer_requests:confirm", args=[confirmation_token(trainer_request)])
    return f"{settings.PORTAL_BASE_URL}{path}"


def send_confirmation_email(trainer_request):
    return queue_email(
        [trainer_request.applicant_email],
        _("Confirm your resource-person request: %(event)s") % {"event": trainer_request.event_title},
        "trainer_requests/email/confirm.txt",
        {"trainer_request": trainer_request, "confirm_url": confirmation_url(trainer_request), "days": 3},
        key=f"trainer_request:{trainer_request.pk}:confirm",
    )


class ConfirmationInvalid(Exception):
    pass


def request_for_token(token):
    """The request a confirmation token names, or raise ConfirmationInvalid (bad or expired)."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise ConfirmationInvalid(_("This confirmation link has expired. Please send the request again."))
    except signing.BadSignature:
        raise ConfirmationInvalid(_("This confirmation link is not valid."))
    if not isinstance(payload, dict):
        raise ConfirmationInvalid(_("This confirmation link is not valid."))
    trainer_request = TrainerRequest.objects.filter(pk=payload.get("id"), applicant_email=payload.get("e", "")).first()
    if trainer_request is None:
        raise ConfirmationInvalid(_("This confirmation link is not valid."))
    return trainer_request


def confirm_email(trainer_request):
    """Move an unconfirmed request into the technical officer's queue (SOP step 1: letter received)."""
    if trainer_request.state != "unconfirmed":
        return trainer_request
    try:
        services.perform(trainer_request, "confirm", None, system=True)
    except services.TransitionConflict:
        trainer_request.refresh_from_db()
    return trainer_request


# Suggestions and conflicts -----------------------------------------------------------------


@dataclass
class Suggestion:
    trainer: object
    preferred: bool = False
    matches: bool = False
    conflicts: list = field(default_factory=list)

    @property
    def label(self):
        parts = [self.trainer.full_name]
        tags = []
        if self.preferred:
            tags.append(_("requested by the applicant"))
        if self.matches:
            tags.append(_("expertise matches"))
        if tags:
            parts.append(" · ".join(tags))
        if self.conflicts:
            parts.append(
                _("CONFLICT: %(items)s") % {"items": "; ".join(f"{c.busy.kind_label}: {c}" for c in self.conflicts)}
            )
        else:
            parts.append(_("free on these dates"))
        return " — ".join(str(p) for p in parts)


def conflicts_for(trainer_request, trainers):
    """``{trainer_id: [Conflict, ...]}`` for the request's dates, from the trainers' one availability function.

    The request's own assignments are left out: a trainer already assigned to it is not in conflict with it.
    """
    busy = busy_times([t.pk for t in trainers], trainer_request.start_date, trainer_request.end_date)
    own = booking_ref(trainer_request)
    windows = trainer_request.windows()
    return {pk: find_conflicts(windows, [item for item in items if item.ref != own]) for pk, items in busy.items()}


def suggestions(trainer_request):
    """Every approved (live) trainer: the preferred one first, then matching expertise, with conflicts."""
    from trainers.models import TrainerPage

    trainers = list(TrainerPage.objects.live().prefetch_related("expertise").order_by("full_name"))
    conflicts = conflicts_for(trainer_request, trainers)
    result = []
    for trainer in trainers:
        result.append(
            Suggestion(
                trainer=trainer,
                preferred=trainer.pk == trainer_request.preferred_trainer_id,
                matches=any(c.pk == trainer_request.category_id for c in trainer.expertise.all()),
                conflicts=conflicts.get(trainer.pk, []),
            )
        )
    result.sort(key=lambda s: (not s.preferred, not s.matches, bool(s.conflicts), s.trainer.full_name))
    return result


def suggestion_summary(trainer_request, limit=8):
    lines = [s.label for s in suggestions(trainer_request) if s.preferred or s.matches][:limit]
    return "\n".join(lines) or _("No approved trainer lists this field of expertise.")


# Transitions ----------------------------------------------------------------------------


def _update(trainer_request, **values):
    for name, value in values.items():
        setattr(trainer_request, name, value)
    TrainerRequest.objects.filter(pk=trainer_request.pk).update(**values)


def on_transition(trainer_request, transition, event, actor, data):
    name = transition.name
    if name == "confirm":
        _update(trainer_request, email_confirmed_at=event.created_at)
    elif name == "record":
        _update(trainer_request, agenda_number=data["agenda_number"], agenda_date=data["agenda_date"])
    elif name == "submit_analysis":
        _update(trainer_request, analysis=data["analysis"])
    elif name == "approve":
        assign_trainers(trainer_request, data.get("trainers") or [], actor, data)
    elif name == "refuse":
        _update(trainer_request, refusal_reason=event.note)
    elif name == "issue_letters":
        issue_approval_letters(trainer_request, actor)
    elif name == "issue_refusal":
        issue_refusal_letter(trainer_request, actor)
    elif name == "close":
        _update(trainer_request, attendance_count=data["attendance_count"], report_notes=data["report_notes"])
        for upload in data.get("photos") or []:
            photo = ReportPhoto(request=trainer_request)
            photo.image.save(upload.name, upload, save=False)
            photo.save()


def assign_trainers(trainer_request, trainers, actor, data):
    conflicts = data.get("conflicts") or {}
    override = bool(data.get("override_conflicts"))
    reason = (data.get("override_reason") or "").strip()
    active = {a.trainer_id for a in trainer_request.active_assignments()}
    for trainer in trainers:
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


def _addressee(trainer_request):
    return "\n".join(
        [
            _("Head of %(organisation)s") % {"organisation": trainer_request.organisation_name},
            _("attn. %(name)s") % {"name": trainer_request.applicant_name},
            trainer_request.address,
            trainer_request.regency,
        ]
    )


def _their_letter(trainer_request):
    received = trainer_request.agenda_date or timezone.localdate(trainer_request.submitted_at)
    return _(
        "In reply to your letter received on %(date)s (agenda number %(agenda)s, tracking number %(number)s) "
        "requesting a resource person for the event “%(event)s”,"
    ) % {
        "date": formats.date_format(received, "j F Y"),
        "agenda": trainer_request.agenda_number or "-",
        "number": trainer_request.tracking_number,
        "event": trainer_request.event_title,
    }


def _event_details(trainer_request):
    return [
        (_("Event"), trainer_request.event_title),
        (_("Dates and times"), trainer_request.date_display),
        (_("Place"), trainer_request.place_display),
        (_("Participants"), f"{trainer_request.audience_size} · {trainer_request.audience_profile}"),
    ]


def issue_approval_letters(trainer_request, actor):
    """The confirmation letter to the applicant and a surat tugas for each newly assigned trainer."""
    with translation.override(settings.LANGUAGE_CODE):
        assignments = list(trainer_request.active_assignments())
        names = "\n".join(f"{i}. {a.trainer.full_name}" for i, a in enumerate(assignments, 1))
        confirmation = issue_letter(
            kind="trainer_request_approval",
            code=APPROVAL_CODE,
            subject=_("Confirmation of a resource person for %(event)s") % {"event": trainer_request.event_title},
            addressee=_addressee(trainer_request),
            body="\n\n".join(
                [
                    _their_letter(trainer_request)
                    + " "
                    + _("we are pleased to inform you that the head of office has approved the request and assigns:"),
                    names,
                    _(
                        "The trainers receive an assignment letter from us and will confirm their attendance. Please "
                        "coordinate the details of the event with them through the office."
                    ),
                ]
            ),
            details=[*_event_details(trainer_request), (_("Assigned trainers"), names)],
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
                body="\n\n".join(
                    [
                        _(
                            "The head of office assigns %(trainer)s to act as resource person at the event "
                            "“%(event)s” held by %(organisation)s, %(regency)s, at their request (tracking number "
                            "%(number)s)."
                        )
                        % {
                            "trainer": assignment.trainer.full_name,
                            "event": trainer_request.event_title,
                            "organisation": trainer_request.organisation_name,
                            "regency": trainer_request.regency,
                            "number": trainer_request.tracking_number,
                        },
                        _("Material requested: %(topic)s") % {"topic": trainer_request.topic},
                        _(
                            "Please confirm or decline this assignment in your account on the portal, and report "
                            "to the office after the event."
                        ),
                    ]
                ),
                details=[
                    *_event_details(trainer_request),
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
                "assignment_url": settings.PORTAL_BASE_URL
                + reverse("trainer_requests:assignment", args=[assignment.pk]),
            },
            key=f"trainer_request:{trainer_request.pk}:assignment:{assignment.pk}:{letter.pk}",
        )
    return confirmation


def issue_refusal_letter(trainer_request, actor):
    with translation.override(settings.LANGUAGE_CODE):
        letter = issue_letter(
            kind="trainer_request_refusal",
            code=REFUSAL_CODE,
            subject=_("Reply to your request for a resource person for %(event)s")
            % {"event": trainer_request.event_title},
            addressee=_addressee(trainer_request),
            body="\n\n".join(
                [
                    _their_letter(trainer_request)
                    + " "
                    + _("we regret to inform you that the head of office cannot grant the request, for this reason:"),
                    trainer_request.refusal_reason,
                    _("You are welcome to send a new request for other dates or another topic."),
                ]
            ),
            details=_event_details(trainer_request),
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


def case_url(trainer_request):
    return reverse("trainer_requests:case", args=[trainer_request.tracking_number, trainer_request.access_token])


def absolute_case_url(trainer_request):
    return f"{settings.PORTAL_BASE_URL}{case_url(trainer_request)}"


# The trainer's answer -----------------------------------------------------------------------


class AnswerNotPossible(Exception):
    pass


def answer_assignment(assignment, user, answer, reason=""):
    """The assigned trainer confirms or declines. All confirmed → scheduled; a decline → back to step 3."""
    with transaction.atomic():
        trainer_request = TrainerRequest.objects.select_for_update().get(pk=assignment.request_id)
        assignment = TrainerAssignment.objects.select_for_update().get(pk=assignment.pk)
        if assignment.status != TrainerAssignment.Status.ASSIGNED or trainer_request.state != "trainer_confirmation":
            raise AnswerNotPossible(_("This assignment cannot be answered any more."))
        assignment.responded_at = timezone.now()
        if answer == "confirm":
            assignment.status = TrainerAssignment.Status.CONFIRMED
            assignment.save(update_fields=["status", "responded_at"])
            waiting = trainer_request.assignments.filter(status=TrainerAssignment.Status.ASSIGNED).exists()
            if not waiting:
                services.perform(
                    trainer_request,
                    "trainers_confirmed",
                    user,
                    system=True,
                    note=_("Confirmed by %(name)s") % {"name": assignment.trainer.full_name},
                )
        else:
            assignment.status = TrainerAssignment.Status.DECLINED
            assignment.decline_reason = reason.strip()
            assignment.save(update_fields=["status", "responded_at", "decline_reason"])
            services.perform(
                trainer_request,
                "trainer_declined",
                user,
                system=True,
                note=_("%(name)s declined: %(reason)s") % {"name": assignment.trainer.full_name, "reason": reason},
            )
    return assignment


# Trainer bookings, read by the trainers' availability function ----------------------------------


def booking_ref(trainer_request):
    return f"trainer_request:{trainer_request.pk}"


def assignment_bookings(trainer_ids, start_date, end_date):
    """``(trainer_id, ScheduleItem)`` for every day of the approved assignments of the trainers; one query."""
    assignments = TrainerAssignment.objects.filter(
        trainer_id__in=trainer_ids,
        status__in=TrainerAssignment.ACTIVE,
        request__state__in=APPROVED_STATES,
        request__start_date__lte=end_date,
        request__end_date__gte=start_date,
    ).select_related("request")
    items = []
    for assignment in assignments:
        trainer_request = assignment.request
        title = (
            f"{trainer_request.event_title} – {trainer_request.organisation_name} ({trainer_request.tracking_number})"
        )
        if assignment.status == TrainerAssignment.Status.ASSIGNED:
            waiting = _("waiting for the trainer to confirm")
            title = f"{title} – {waiting}"
        for start, end in trainer_request.windows():
            if start.date() <= end_date and end.date() >= start_date:
                item = ScheduleItem(
                    start=start,
                    end=end,
                    title=title,
                    kind="assignment",
                    url=reverse("trainer_requests:assignment", args=[assignment.pk]),
                    place=trainer_request.location.strip() or trainer_request.online_link,
                    ref=booking_ref(trainer_request),
                )
                items.append((assignment.trainer_id, item))
    return items
