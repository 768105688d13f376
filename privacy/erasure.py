"""Erase my account: a request the superuser confirms, or automatic after the configured days.

Each app anonymises what it holds about the person and deletes their uploads from storage
(``PersonalDataSource.erase``); a legal hold (``legal_hold``) stops the automatic erasure.
Issued certificates stay verifiable with the masked name and official letters stay in the
archive (their apps keep them). Then the account itself is anonymised and closed and the
person gets a confirmation at the address they had.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.hooks import personal_data_sources
from privacy import log
from privacy.models import AccessLog, ErasureRequest, PrivacySettings

ERASED_DOMAIN = "dihapus.invalid"


def request_erasure(user):
    existing = ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
    if existing:
        return existing, False
    return ErasureRequest.objects.create(user=user, account_label=user.email), True


def legal_holds(user):
    reasons = []
    for source in personal_data_sources():
        if source.legal_hold:
            reason = source.legal_hold(user)
            if reason:
                reasons.append(f"{source.title}: {reason}")
    return reasons


def due_requests(now=None):
    """Pending requests older than the configured days, whose person has no legal hold."""
    days = PrivacySettings.load().erasure_after_days
    if not days:
        return []
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    pending = ErasureRequest.objects.filter(status=ErasureRequest.Status.PENDING, requested_at__lt=cutoff)
    return [r for r in pending.select_related("user") if r.user is not None and not legal_holds(r.user)]


def erase_account(user):
    """Anonymise the account itself: no email, name or phone left; closed for login."""
    from allauth.account.models import EmailAddress

    from procedures.models import OutboxMessage

    EmailAddress.objects.filter(user=user).delete()
    # Messages to the person's address (their name, class, numbers) go too.
    OutboxMessage.objects.filter(recipients=[user.email]).delete()
    user.email = f"dihapus-{user.pk}@{ERASED_DOMAIN}"
    user.first_name = ""
    user.last_name = ""
    if hasattr(user, "phone"):
        user.phone = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    AccessLog.objects.filter(person_user=user).update(person_label=_("(erased)"), person_key=f"user:{user.pk}")


def carry_out(erasure_request, actor, *, force=False):
    """Erase the person's data; False when a legal hold applies and no superuser forced it."""
    user = erasure_request.user
    if user is None:
        return False
    holds = legal_holds(user)
    if holds and not force:
        return False
    address = user.email
    report = []
    with transaction.atomic():
        for source in personal_data_sources():
            if source.erase:
                report += [f"{source.title}: {line}" for line in source.erase(user)]
        log.record(actor, "erase", _("Account erased"), [log.person(str(user), user)])
        erase_account(user)
        report.append(_("Account anonymised and closed"))
        erasure_request.status = ErasureRequest.Status.DONE
        erasure_request.decided_at = timezone.now()
        erasure_request.decided_by = actor
        erasure_request.account_label = user.email
        erasure_request.report = report + [_("Legal hold overridden: %s") % "; ".join(holds)] if holds else report
        erasure_request.save()
        if address and not address.endswith(ERASED_DOMAIN):
            # Sent straight, not through the outbox: the outbox would keep the address we just erased.
            transaction.on_commit(lambda: send_confirmation(address))
    return True


def send_confirmation(address):
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        subject = str(gettext_lazy("Your account has been erased"))
        body = render_to_string("privacy/email/erased.txt", {})
    send_mail(subject, body, None, [address], fail_silently=True)
