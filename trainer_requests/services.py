"""The resource-person request flow: submission, email confirmation, assignments, letters."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.ratelimit import is_limited
from procedures import services
from procedures.outbox import queue_email
from trainers.schedule import ScheduleItem, busy_times

from .conflicts import find_conflicts
from .models import PendingUpload, TrainerAssignment, TrainerRequest
from .procedure import APPROVED_STATES

logger = logging.getLogger(__name__)

CONFIRM_SALT = "trainer_requests.confirm-email"
CONFIRM_MAX_AGE = 3 * 24 * 3600


# Submission and email confirmation ---------------------------------------------------------


@transaction.atomic
def submit_request(form):
    """Save a valid public form as an unconfirmed request and email the confirmation link.

    Nothing reaches staff until the link is followed: the request has no tracking number,
    is not in the admin queue and no staff email is sent.
    """
    trainer_request = form.save(commit=False)
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
    trainer_request.start()
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


#: Confirmation emails one address receives a day, whoever fills in the form (the per-sender limit is the view's).
CONFIRMATIONS_PER_ADDRESS = 3


def send_confirmation_email(trainer_request):
    """Email the confirmation link to the (still unconfirmed) address.

    The message carries no text the sender typed (names, event title, organisation): the
    public form must not relay someone's words from a government address. An address gets at
    most ``CONFIRMATIONS_PER_ADDRESS`` a day; beyond that the request waits unconfirmed and expires.
    """
    if is_limited(
        "trainer-request-confirmation", trainer_request.applicant_email.lower(), CONFIRMATIONS_PER_ADDRESS, 24 * 3600
    ):
        logger.warning("confirmation email to one address limited (request %s)", trainer_request.pk)
        return None
    return queue_email(
        [trainer_request.applicant_email],
        _("Confirm your resource-person request"),
        "trainer_requests/email/confirm.txt",
        {"confirm_url": confirmation_url(trainer_request), "days": 3},
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


def purge_unconfirmed_requests(now=None):
    """Delete requests whose email was never confirmed once their link has expired, with their letters.

    An unconfirmed request reached no one at the office; after ``CONFIRM_MAX_AGE`` its link no
    longer works, so the row and its uploaded letter are only disk and personal data. Held
    letters of abandoned forms (``PendingUpload``) older than a day go too. Returns the number of
    requests deleted. Run daily by ``manage.py purge_unconfirmed_requests``.
    """
    cutoff = (now or timezone.now()) - timedelta(seconds=CONFIRM_MAX_AGE)
    expired = TrainerRequest.objects.filter(state="unconfirmed", created_at__lt=cutoff)
    count = 0
    for trainer_request in expired.iterator():
        with transaction.atomic():
            if trainer_request.letter:
                trainer_request.letter.delete(save=False)
            trainer_request.delete()
        count += 1
    PendingUpload.purge_stale()
    return count


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


def case_url(trainer_request):
    """The applicant's page of the request (no account: the access token is in the address)."""
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
