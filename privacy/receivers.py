from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext as _

from procedures.signals import case_file_downloaded, case_viewed


def ask_consent_again(sender, request, user, **kwargs):
    from privacy import consent

    if request is not None and hasattr(request, "session") and consent.needs_consent_again(user):
        request.session[consent.SESSION_KEY] = True


def _case_person(case):
    from privacy.log import person

    return person(case.applicant_name or "", case.applicant_user, case.applicant_email or "")


def log_case_viewed(sender, case, user, **kwargs):
    from privacy.log import record

    what = _("Case %(number)s (%(procedure)s)") % {"number": case.tracking_number, "procedure": case.procedure.name}
    record(user, "view", what, [_case_person(case)])


def log_case_file(sender, case, user, key, **kwargs):
    from privacy.log import record

    what = _("File %(key)s of case %(number)s") % {"key": key, "number": case.tracking_number}
    record(user, "download", what, [_case_person(case)])


ACCOUNT_FIELDS = ("email", "first_name", "last_name", "phone")


def remember_account(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    old = sender.objects.filter(pk=instance.pk).values(*[f for f in ACCOUNT_FIELDS if hasattr(instance, f)]).first()
    instance._privacy_before = old or {}


def record_account_change(sender, instance, created=False, raw=False, **kwargs):
    """A correction of the account's personal data is recorded (which fields, not their values)."""
    from privacy.log import person, record

    before = getattr(instance, "_privacy_before", None)
    if raw or created or not before or not instance.is_active:
        return
    changed = [name for name, value in before.items() if getattr(instance, name) != value]
    if changed:
        record(
            instance, "change", _("Account data corrected: %s") % ", ".join(changed), [person(str(instance), instance)]
        )
    instance._privacy_before = None


def connect():
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save, pre_save

    user_model = get_user_model()
    pre_save.connect(remember_account, sender=user_model, dispatch_uid="privacy-account-before")
    post_save.connect(record_account_change, sender=user_model, dispatch_uid="privacy-account-change")
    user_logged_in.connect(ask_consent_again, dispatch_uid="privacy-consent-again")
    case_viewed.connect(log_case_viewed, dispatch_uid="privacy-case-viewed")
    case_file_downloaded.connect(log_case_file, dispatch_uid="privacy-case-file")
