import time

from django.core.management.base import BaseCommand

from procedures.outbox import send_pending


class Command(BaseCommand):
    help = "Send queued emails that are due (run every minute from cron or a systemd timer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", type=int, default=0, help="Keep running, sleeping this many seconds between rounds."
        )

    def handle(self, *args, loop=0, **options):
        while True:
            sent, failed = send_pending()
            self.stdout.write(f"sent {sent}, failed {failed}")
            if not loop:
                break
            time.sleep(loop)
