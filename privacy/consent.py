"""Consent to the privacy notice, recorded with the notice's version.

When the notice changes materially the superuser raises its version (Settings → Personal data
protection); people who consented to an older version are asked again at their next login.
"""

from privacy.models import ConsentRecord, PrivacySettings

SESSION_KEY = "privacy_consent_needed"


def current_version():
    return PrivacySettings.load().notice_version


def record(user, source="", version=None):
    return ConsentRecord.objects.create(user=user, notice_version=version or current_version(), source=source)


def latest(user):
    return ConsentRecord.objects.filter(user=user).order_by("-notice_version", "-given_at").first()


def needs_consent_again(user):
    """True for a person who consented to an older version of the notice (not yet to the current one)."""
    if not user.is_authenticated:
        return False
    last = latest(user)
    return last is not None and last.notice_version < current_version()
