from django.core.management.base import BaseCommand

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, second_factor
from accounts.models import User
from accounts.roles import role_label

# The two public accounts play these parts in the demo flows.
PUBLIC_ACCOUNTS = {"peserta@demo.test": "public (participant)", "narasumber@demo.test": "public (trainer)"}


class Command(BaseCommand):
    help = "Print the demo accounts (all with the same password)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="Where the site is served.")

    def handle(self, *args, **options):
        self.stdout.write(f"\nDemo accounts (password: {DEMO_PASSWORD})")
        for email, first, last, role, superuser in DEMO_ACCOUNTS:
            if superuser:
                what = "superuser"
            elif role:
                what = str(role_label(role))
            else:
                what = PUBLIC_ACCOUNTS.get(email, "public")
            self.stdout.write(f"  {email:<24} {first} {last} — {what}")
            user = User.objects.filter(email=email).first()
            factor = second_factor(user) if user is not None and (role or superuser) else None
            if factor:
                secret, current, recovery = factor
                self.stdout.write(
                    f"  {'':<24} second factor: TOTP secret {secret} (code now {current}); recovery code {recovery}"
                )
        self.stdout.write(
            "\nStaff log in with a second factor: add the TOTP secret to an authenticator app, or type one of"
            "\nits recovery codes (each works once; run `manage.py demo_accounts` again for a fresh one)."
        )
        base_url = options["base_url"].rstrip("/")
        self.stdout.write(f"\nSite: {base_url}/   Admin: {base_url}/admin/\n")
