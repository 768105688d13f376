"""Walk-in participants claim their profile later: an emailed, signed, expiring link.

The link only attaches the profile to a logged-in account with the same email address, so
a forwarded link cannot hand someone else's data to a stranger.
"""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from enrolment.models import Participant
from portal.links import base_url
from procedures.outbox import queue_email

SALT = "enrolment.claim"
MAX_AGE = 60 * 60 * 24 * 30


class ClaimError(Exception):
    pass


def make_token(participant):
    return signing.dumps({"p": participant.pk, "e": participant.email.lower()}, salt=SALT, compress=True)


def claim_url(participant):
    return f"{base_url()}{reverse('enrolment:claim', args=[make_token(participant)])}"


def send_claim_email(participant):
    if not participant.email or participant.user_id:
        return None
    return queue_email(
        [participant.email],
        _("Your participant profile at the training centre"),
        "enrolment/email/claim.txt",
        {"participant": participant, "url": claim_url(participant)},
    )


def participant_for_token(token):
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise ClaimError(_("This link has expired. Ask the admin officer for a new one."))
    except signing.BadSignature:
        raise ClaimError(_("This link is not valid."))
    participant = Participant.objects.filter(pk=data.get("p")).first()
    if participant is None or participant.email.lower() != data.get("e"):
        raise ClaimError(_("This link is not valid."))
    return participant


def claim(participant, user):
    """Attach a walk-in profile to ``user``; refuses another person's profile or a second profile."""
    if participant.user_id == user.pk:
        return participant
    if participant.user_id is not None:
        raise ClaimError(_("This profile already belongs to an account."))
    if participant.email.lower() != user.email.lower():
        raise ClaimError(
            _("Log in with the email address the office registered (%(email)s).") % {"email": participant.email}
        )
    with transaction.atomic():
        locked = Participant.objects.select_for_update().get(pk=participant.pk)
        if locked.user_id is not None:
            raise ClaimError(_("This profile already belongs to an account."))
        if Participant.objects.filter(user=user).exists():
            raise ClaimError(_("Your account already has a participant profile. Ask the admin officer to merge them."))
        locked.user = user
        locked.save(update_fields=["user", "updated_at"])
    return locked
