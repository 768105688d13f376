"""allauth's account adapter: the client address comes from the portal's one place."""

from allauth.account.adapter import DefaultAccountAdapter

from portal.clientip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # The same address every portal rate limit counts by (portal/clientip.py), so allauth's
        # login, signup and password-reset limits see each visitor behind the proxy apart.
        return client_ip(request)
