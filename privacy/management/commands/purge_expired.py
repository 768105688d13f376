"""Apply the retention periods: delete or anonymise what has been kept long enough.

Run it daily (cron or a systemd timer). ``--dry-run`` lists what it would delete and changes nothing.
"""

from django.core.management.base import BaseCommand

from privacy import erasure, retention


class Command(BaseCommand):
    help = "Delete or anonymise records whose retention period has ended (files removed from storage)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be deleted; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        found = retention.find_expired()
        for group in found:
            self.stdout.write(
                f"{group.rule.record_type} ({group.rule.key}): kept {group.days} days, "
                f"{len(group.records)} expired before {group.cutoff:%Y-%m-%d}"
            )
            for record in group.records:
                self.stdout.write(f"  - {group.rule.describe(record)}")
        due = erasure.due_requests()
        for request in due:
            self.stdout.write(f"Erasure request #{request.pk} ({request.account_label}) is due")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was deleted."))
            return
        count = retention.purge(found)
        erased = sum(1 for request in due if erasure.carry_out(request, None))
        self.stdout.write(self.style.SUCCESS(f"{count} records purged, {erased} accounts erased."))
