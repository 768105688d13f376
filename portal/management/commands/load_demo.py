"""Build the demo site on top of the starter data: ``setup_portal`` for the demo office, then every
app's own demo content.

Idempotent: each loader looks its records up by a natural key before creating them, so
running ``make run`` again changes nothing.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail import hooks

from portal.demo import DEMO_OFFICE
from portal.hooks import DEMO_CONTENT


class Command(BaseCommand):
    help = "Set the portal up for the demo office, then load realistic Indonesian demo content (idempotent)."

    def handle(self, *args, **options):
        call_command("setup_portal", interactive=False, stdout=self.stdout, **DEMO_OFFICE)
        loaders = hooks.get_hooks(DEMO_CONTENT)
        for loader in loaders:
            name = f"{loader.__module__}.{loader.__name__}"
            self.stdout.write(f"- {name}")
            with transaction.atomic():
                loader(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
