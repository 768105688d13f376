from django.core.management.base import BaseCommand

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.roles import role_label


class Command(BaseCommand):
    help = "Print the demo accounts (all with the same password)."

    def handle(self, *args, **options):
        self.stdout.write(f"\nDemo accounts (password: {DEMO_PASSWORD})")
        for email, first, last, role, superuser in DEMO_ACCOUNTS:
            what = "superuser" if superuser else (str(role_label(role)) if role else "public")
            self.stdout.write(f"  {email:<24} {first} {last} — {what}")
        self.stdout.write("\nSite: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/\n")
