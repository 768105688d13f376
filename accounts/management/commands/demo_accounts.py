from django.core.management.base import BaseCommand

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
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
        base_url = options["base_url"].rstrip("/")
        self.stdout.write(f"\nSite: {base_url}/   Admin: {base_url}/admin/\n")
