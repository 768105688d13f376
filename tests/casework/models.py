from django.conf import settings
from django.db import models

from portal.storage import private_storage
from procedures.models import Case

from .procedure import PROCEDURE


class Errand(Case):
    """A request through the test procedure (tests only): steps 1–4 of ``procedure.py``."""

    procedure = PROCEDURE

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    applicant_name = models.CharField(max_length=200)
    applicant_email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True)
    subject = models.CharField(max_length=200)
    question = models.TextField()
    attachment = models.FileField(storage=private_storage, upload_to="casework/", blank=True, max_length=255)
    answer = models.TextField(blank=True)

    private_file_fields = ("attachment",)

    class Meta:
        ordering = ["-created_at"]


class Desk(models.Model):
    """How many errands the team lead may study at once: the shared row the ``forward`` lock takes."""

    slots = models.PositiveIntegerField(default=10)
