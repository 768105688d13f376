"""Staff accounts: who counts as staff, and the second factor every staff account must use."""

from django.conf import settings

from accounts import roles


def is_staff_account(user):
    """Anyone who can reach the admin or a case: a staff flag, a superuser or any office role."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return bool(roles.user_roles(user) & set(roles.STAFF_ROLES + roles.LICENSING_ROLES))


def mfa_required():
    return bool(getattr(settings, "PORTAL_STAFF_MFA_REQUIRED", True))


def has_totp(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()
