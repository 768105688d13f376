from django.core.management.base import BaseCommand

from trainer_requests.services import purge_unconfirmed_requests


class Command(BaseCommand):
    help = "Delete resource-person requests never confirmed by email (link expired) and their letters; run daily."

    def handle(self, *args, **options):
        count = purge_unconfirmed_requests()
        self.stdout.write(f"{count} unconfirmed request(s) deleted")
