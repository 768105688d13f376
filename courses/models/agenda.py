"""A class's agenda and trainers (SOP 002: the rows of a training day and who leads them).

The catalogue owns the relation between classes and trainers: ``CourseTrainer`` lists a class's
trainers and ``CourseSession.trainer`` names who leads a session, both with real foreign keys to
``trainers.TrainerPage``. The trainers app reads them back only through its hooks.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from portal.dates import office_datetime


def format_minutes(total):
    """``1215`` -> ``"20 jam 15 menit"`` (in the active language)."""
    hours, minutes = divmod(int(total), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if minutes or not hours:
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes})
    return " ".join(parts)


class CourseTrainer(Orderable):
    """A trainer teaching a class; the trainers app lists a trainer's classes through ``trainer_courses``."""

    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="course_trainers")
    trainer = models.ForeignKey(
        "trainers.TrainerPage",
        verbose_name=_("trainer"),
        on_delete=models.CASCADE,
        related_name="trainer_courses",
    )
    role = models.CharField(
        _("role"), max_length=100, blank=True, help_text=_("For example “Instruktur utama” or “Fasilitator”.")
    )

    panels = [PageChooserPanel("trainer"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("class trainer")
        verbose_name_plural = _("class trainers")

    def __str__(self):
        return f"{self.trainer} – {self.page}"


class CourseSession(Orderable):
    """One row of a class agenda (SOP 002: registration, pre-test, material, break, ...)."""

    class Kind(models.TextChoices):
        MATERIAL = "material", _("Material")
        BREAK = "break", _("Break")
        PRE_TEST = "pre_test", _("Pre-test")
        POST_TEST = "post_test", _("Post-test")
        GROUP_WORK = "group_work", _("Group work")
        PRESENTATION = "presentation", _("Presentation")
        REGISTRATION = "registration", _("Registration")
        CEREMONY = "ceremony", _("Ceremony")

    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MATERIAL)
    trainer = models.ForeignKey(
        "trainers.TrainerPage",
        verbose_name=_("trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainer_sessions",
    )
    room = models.CharField(_("room or notes"), max_length=255, blank=True)
    #: Why the trainer leads this session although the availability check found another commitment.
    override_reason = models.TextField(
        _("reason for assigning despite a conflict"),
        blank=True,
        help_text=_("Only when the trainer is already committed at this time and must lead the session anyway."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        PageChooserPanel("trainer"),
        FieldPanel("room"),
        FieldPanel("override_reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M} {self.title}"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError(
                {"end_time": _("A session must end after it starts, on the same day (no crossing midnight).")}
            )

    @property
    def starts_at(self):
        return office_datetime(self.date, self.start_time)

    @property
    def ends_at(self):
        return office_datetime(self.date, self.end_time)

    @property
    def duration_minutes(self):
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def is_test(self):
        return self.kind in (self.Kind.PRE_TEST, self.Kind.POST_TEST)
