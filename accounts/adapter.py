"""allauth's adapters: the client address from the portal's one place; staff keep their second factor."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from accounts.staff import is_staff_account, mfa_required
from portal.clientip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # The same address every portal rate limit counts by (portal/clientip.py), so allauth's
        # login, signup and password-reset limits see each visitor behind the proxy apart.
        return client_ip(request)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        # Staff cannot switch their second factor off while it is required (they may replace it
        # by regenerating recovery codes; a lost device is reset by a superuser).
        if mfa_required() and is_staff_account(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
