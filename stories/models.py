"""Alumni stories: short testimonials alumni send from /saya/ after completing a class.

An alumnus writes the story and consents to its publication (SOP 004 post-training services:
the office reports what its trainings achieved). The editor reviews it in the admin
(*Alumni stories*: approve or reject, with a note); only approved stories appear on the class
page and on the catalogue for the class's category. The alumnus can withdraw a story at any time.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class StoryQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=AlumniStory.Status.APPROVED)

    def for_listing(self):
        return self.approved().select_related("course", "course__category").order_by("-reviewed_at", "-pk")


class AlumniStory(index.Indexed, models.Model):
    """A testimonial an alumnus gives with consent after a completed class; shown once an editor approves it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Published")
        REJECTED = "rejected", _("Not published")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("alumnus"), on_delete=models.CASCADE, related_name="alumni_stories"
    )
    enrolment = models.ForeignKey(
        "enrolment.Enrolment", verbose_name=_("completed class"), on_delete=models.CASCADE, related_name="stories"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("class"), on_delete=models.CASCADE, related_name="alumni_stories"
    )
    display_name = models.CharField(
        _("name shown"), max_length=80, help_text=_("For example your first name and village: “Sari, Kemiren”.")
    )
    story = models.TextField(_("story"), max_length=1200)
    consent_at = models.DateTimeField(_("consent given"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    review_note = models.TextField(
        _("note to the alumnus"), blank=True, help_text=_("Shown to the alumnus, e.g. why it was not published.")
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    objects = StoryQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("display_name", read_only=True), FieldPanel("course", read_only=True)])],
            heading=_("From"),
        ),
        FieldPanel("story"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("review_note")], heading=_("Review")),
    ]
    search_fields = [index.SearchField("story"), index.SearchField("display_name"), index.FilterField("status")]

    class Meta:
        verbose_name = _("alumni story")
        verbose_name_plural = _("alumni stories")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.display_name} · {self.course}"

    def clean(self):
        super().clean()
        if self.enrolment_id and self.enrolment.state != "completed":
            raise ValidationError({"enrolment": _("Only a completed class can have an alumni story.")})

    def review(self, status, user, note=""):
        self.status = status
        self.review_note = note or self.review_note
        self.reviewed_by = user
        self.reviewed_at = timezone.now()
        self.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
