"""Build the demo site on top of the starter data: ``setup_portal`` for the demo office, then every
app's own demo content.

Idempotent: each loader looks its records up by a natural key before creating them, so
running ``make run`` again changes nothing.
"""

from django.core import mail
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from wagtail import hooks

from portal.demo import DEMO_OFFICE
from portal.hooks import DEMO_CONTENT


class Command(BaseCommand):
    help = "Set the portal up for the demo office, then load realistic Indonesian demo content (idempotent)."

    def handle(self, *args, **options):
        # The demo's flows send thousands of emails; on the console they buried the demo
        # accounts. They are kept in memory and counted (the outbox in the admin lists them).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            previous = getattr(mail, "outbox", None)
            mail.outbox = []
            try:
                self.load()
                sent = len(mail.outbox)
            finally:
                if previous is None:
                    del mail.outbox
                else:
                    mail.outbox = previous
        self.stdout.write(
            f"{sent} email{'s' if sent != 1 else ''} sent by the demo's flows (not printed; "
            "see Services → Outgoing email in the admin)."
        )
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def load(self):
        call_command("setup_portal", interactive=False, stdout=self.stdout, **DEMO_OFFICE)
        loaders = hooks.get_hooks(DEMO_CONTENT)
        for loader in loaders:
            name = f"{loader.__module__}.{loader.__name__}"
            self.stdout.write(f"- {name}")
            with transaction.atomic():
                loader(self.stdout)
