from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from form_pages.retention import apply


class Command(BaseCommand):
    help = "Archive or delete form submissions older than each form page's retention period (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be archived or deleted.")

    def handle(self, *args, dry_run=False, **options):
        results = apply(dry_run=dry_run)
        for result in results:
            verb = {"archive": _("archive"), "delete": _("delete")}[result.action]
            prefix = _("would %(verb)s") % {"verb": verb} if dry_run else verb
            self.stdout.write(f"{result.page.title}: {prefix} {result.count}")
        total = sum(result.count for result in results)
        self.stdout.write(self.style.SUCCESS(_("%(count)d expired submission(s).") % {"count": total}))
