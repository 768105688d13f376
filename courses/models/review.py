"""The SOP clock of a material's review (SOP "Penyiapan Bahan/Materi Diklat", ``courses.procedure``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.procedure import PROCEDURE
from procedures.models import Case


class MaterialReview(Case):
    """One pass of a training material through the review workflow, timed against SOP steps 3–5.

    Created and moved by the workflow's signals (``courses.review``): the case records who acted
    and when, and whether each review step kept the SOP's standard time.
    """

    procedure = PROCEDURE

    page = models.ForeignKey(
        "courses.MaterialPage", verbose_name=_("material"), on_delete=models.CASCADE, related_name="reviews"
    )
    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("material review")
        verbose_name_plural = _("material reviews")
        ordering = ["-created_at"]

    @property
    def applicant_name(self):
        return (self.user.get_full_name() or self.user.email) if self.user_id else ""

    @property
    def applicant_email(self):
        return self.user.email if self.user_id else ""

    def notification_recipients(self, transition, event):
        return []  # Wagtail's workflow already notifies the author and the reviewers.
