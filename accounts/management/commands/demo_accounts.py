from django.core.management.base import BaseCommand

from wagtail import hooks

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, second_factor
from accounts.models import User
from accounts.roles import role_label
from portal.hooks import DEMO_ACCOUNTS as DEMO_ACCOUNTS_HOOK

# The two public accounts play these parts in the demo flows.
PUBLIC_ACCOUNTS = {"peserta@demo.test": "public (participant)", "narasumber@demo.test": "public (trainer)"}


def demo_accounts():
    """(email, name, what) for every demo account: the office roles here, the rest from the apps."""
    rows = []
    for email, first, last, role, superuser in DEMO_ACCOUNTS:
        if superuser:
            what = "superuser"
        elif role:
            what = str(role_label(role))
        else:
            what = PUBLIC_ACCOUNTS.get(email, "public")
        rows.append((email, f"{first} {last}", what))
    for fn in hooks.get_hooks(DEMO_ACCOUNTS_HOOK):
        rows.extend((email, name, str(what)) for email, name, what in fn())
    return rows


class Command(BaseCommand):
    help = "Print the demo accounts (all with the same password) and how staff pass the second factor."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="Where the site is served.")

    def handle(self, *args, **options):
        self.stdout.write(f"\nDemo accounts (password: {DEMO_PASSWORD})")
        users = {user.email: user for user in User.objects.filter(email__endswith="@demo.test")}
        for email, name, what in demo_accounts():
            self.stdout.write(f"  {email:<26} {name} — {what}")
            user = users.get(email)
            factor = second_factor(user) if user is not None else None
            if factor:
                secret, current, recovery = factor
                self.stdout.write(
                    f"  {'':<26} second factor: TOTP secret {secret} (code now {current}); recovery code {recovery}"
                )
        self.stdout.write(
            "\nStaff log in with a second factor: add the TOTP secret to an authenticator app, or type one of"
            "\nits recovery codes (each works once; run `manage.py demo_accounts` again for a fresh one)."
        )
        base_url = options["base_url"].rstrip("/")
        self.stdout.write(f"\nSite: {base_url}/   Admin: {base_url}/admin/\n")
