"""Requests from outside organisations to lend a trainer (SOP 004 "Permintaan Narasumber")."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.dates import office_zone
from portal.storage import private_storage
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MB, FileValidator, random_name
from procedures.models import Case

from .conflicts import daily_windows
from .procedure import APPROVED_STATES, PROCEDURE

LETTER_MAX_BYTES = 5 * MB
PHOTO_MAX_BYTES = 8 * MB


class TrainerRequest(Case):
    """An organisation's request for a resource person: the letter of SOP step 1 (the public form, received
    once the email address is confirmed), worked through steps 2–5 and closed with the event report."""

    procedure = PROCEDURE

    class OrganisationType(models.TextChoices):
        VILLAGE = "village", _("Village")
        COOPERATIVE = "cooperative", _("Cooperative")
        SCHOOL = "school", _("School")
        GOVERNMENT = "government", _("Government office")
        COMPANY = "company", _("Company")
        COMMUNITY = "community", _("Community")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended (in person and online)")

    # The applicant (no account: the email address is confirmed by a link).
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    organisation_type = models.CharField(_("type of organisation"), max_length=20, choices=OrganisationType.choices)
    address = models.TextField(_("address"), max_length=500)
    regency = models.CharField(_("regency / city"), max_length=120)
    applicant_name = models.CharField(_("contact person"), max_length=200)
    phone = models.CharField(_("phone / WhatsApp"), max_length=30)
    applicant_email = models.EmailField(_("email"))
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True, editable=False)

    # What they need.
    topic = models.TextField(_("topic or material needed"), max_length=3000)
    category = models.ForeignKey(
        "categories.Category",
        verbose_name=_("field of expertise"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="trainer_requests",
    )
    preferred_trainer = models.ForeignKey(
        "trainers.TrainerPage",
        verbose_name=_("preferred trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="preferred_in_requests",
    )
    event_title = models.CharField(_("event title"), max_length=200)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    location = models.TextField(_("location"), max_length=500, blank=True)
    online_link = models.URLField(_("online meeting link"), max_length=500, blank=True)
    audience_size = models.PositiveIntegerField(_("expected number of participants"))
    audience_profile = models.TextField(_("who the participants are"), max_length=2000)
    letter = models.FileField(
        _("request letter (surat permohonan)"),
        storage=private_storage,
        upload_to=random_name,
        max_length=255,
        validators=[FileValidator(DOCUMENT_TYPES, LETTER_MAX_BYTES)],
    )
    letter_name = models.CharField(max_length=255, blank=True, editable=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True, editable=False)

    # Recorded by staff along the SOP.
    agenda_number = models.CharField(_("agenda number"), max_length=60, blank=True)
    agenda_date = models.DateField(_("agenda date"), null=True, blank=True)
    analysis = models.TextField(_("analysis of the material needed (telaahan)"), blank=True)
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    attendance_count = models.PositiveIntegerField(_("participants who attended"), null=True, blank=True)
    report_notes = models.TextField(_("event report"), blank=True)

    private_file_fields = ("letter",)

    class Meta:
        verbose_name = _("resource-person request")
        verbose_name_plural = _("resource-person requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.tracking_number or _('(unconfirmed)')} · {self.organisation_name}"

    # Schedule ------------------------------------------------------------------------

    def windows(self):
        """The requested periods, one per event day, in the office time zone."""
        return daily_windows(self.start_date, self.end_date, self.start_time, self.end_time, office_zone())

    @property
    def date_display(self):
        if not self.start_date:
            return ""
        from django.utils import formats

        start = formats.date_format(self.start_date, "j F Y")
        if self.end_date and self.end_date != self.start_date:
            start = f"{start} – {formats.date_format(self.end_date, 'j F Y')}"
        return f"{start}, {self.start_time:%H.%M}–{self.end_time:%H.%M} WIB"

    @property
    def place_display(self):
        parts = [self.location.strip()] if self.location.strip() else []
        if self.mode != self.Mode.IN_PERSON and self.online_link:
            parts.append(str(_("online: %(link)s") % {"link": self.online_link}))
        return "\n".join(parts) or str(self.get_mode_display())

    # Assignments ---------------------------------------------------------------------

    def active_assignments(self):
        return self.assignments.filter(status__in=TrainerAssignment.ACTIVE).select_related("trainer", "letter")

    def trainer_names(self):
        return ", ".join(a.trainer.full_name for a in self.active_assignments())

    # Case extension points -----------------------------------------------------------

    def admin_summary(self):
        from trainer_requests.services import suggestion_summary

        rows = [
            (_("Organisation"), f"{self.organisation_name} ({self.get_organisation_type_display()})"),
            (_("Address"), f"{self.address}\n{self.regency}"),
            (_("Contact person"), self.applicant_name),
            (_("Phone / WhatsApp"), self.phone),
            (_("Email"), self.applicant_email),
            (_("Event"), self.event_title),
            (_("Dates and times"), self.date_display),
            (_("Mode"), self.get_mode_display()),
            (_("Place"), self.place_display),
            (_("Participants"), f"{self.audience_size} · {self.audience_profile}"),
            (_("Field of expertise"), self.category),
            (_("Topic or material needed"), self.topic),
            (_("Preferred trainer"), self.preferred_trainer.full_name if self.preferred_trainer_id else ""),
            (_("Agenda number"), self.agenda_number),
            (_("Agenda date"), self.agenda_date.strftime("%d-%m-%Y") if self.agenda_date else ""),
            (_("Analysis (telaahan)"), self.analysis),
        ]
        assignments = list(self.assignments.select_related("trainer").order_by("created_at"))
        if assignments:
            rows.append(
                (
                    _("Assigned trainers"),
                    "\n".join(assignment.summary_line() for assignment in assignments),
                )
            )
        if self.state == "decision":
            rows.append((_("Suggested trainers and their conflicts"), suggestion_summary(self)))
        if self.refusal_reason:
            rows.append((_("Reason for refusal"), self.refusal_reason))
        if self.attendance_count is not None:
            rows.append((_("Participants who attended"), self.attendance_count))
            rows.append((_("Event report"), self.report_notes))
        return rows

    #: Inspection/event photos are working papers of the office.
    staff_only_file_kinds = ("photo",)

    def private_files(self):
        files = super().private_files()
        files += [(_("Event photo %(n)s") % {"n": i}, f"photo-{p.pk}") for i, p in enumerate(self.photos.all(), 1)]
        return files

    def get_private_file(self, key):
        kind, _sep, pk = key.partition("-")
        if kind == "photo" and pk.isdigit():
            photo = self.photos.filter(pk=int(pk)).first()
            return photo.image if photo else None
        return super().get_private_file(key)


class TrainerAssignment(models.Model):
    """One trainer named by the head of office (SOP step 4), with the *surat tugas* (step 5) and their answer."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned, waiting for the trainer")
        CONFIRMED = "confirmed", _("Confirmed by the trainer")
        DECLINED = "declined", _("Declined by the trainer")

    ACTIVE = (Status.ASSIGNED, Status.CONFIRMED)

    request = models.ForeignKey(TrainerRequest, on_delete=models.CASCADE, related_name="assignments")
    trainer = models.ForeignKey(
        "trainers.TrainerPage", verbose_name=_("trainer"), on_delete=models.PROTECT, related_name="assignments"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ASSIGNED)
    conflict_override = models.BooleanField(_("assigned despite a schedule conflict"), default=False)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    conflicts_at_assignment = models.TextField(_("conflicts seen when assigning"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    letter = models.ForeignKey(
        "procedures.Letter",
        verbose_name=_("assignment letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("trainer assignment")
        verbose_name_plural = _("trainer assignments")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["trainer", "status"])]

    def __str__(self):
        return f"{self.trainer} · {self.request}"

    def summary_line(self):
        line = f"{self.trainer.full_name} — {self.get_status_display()}"
        if self.conflict_override:
            line += f" — {_('override')}: {self.override_reason}"
        if self.decline_reason:
            line += f" — {self.decline_reason}"
        return line

    @property
    def is_approved(self):
        return self.status in self.ACTIVE and self.request.state in APPROVED_STATES


class ReportPhoto(models.Model):
    """A photo of the held event, attached when the technical officer closes the request with the report."""

    request = models.ForeignKey(TrainerRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(
        _("photo"),
        storage=private_storage,
        upload_to=random_name,
        max_length=255,
        validators=[FileValidator(IMAGE_TYPES, PHOTO_MAX_BYTES)],
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("event photo")
        verbose_name_plural = _("event photos")
        ordering = ["pk"]


class PendingUpload(models.Model):
    """A request letter held privately while the applicant corrects other errors in the form.

    The form carries a signed token naming this row, so the file survives a round trip
    without being re-uploaded; nobody without the signature can point at someone else's file.
    Rows older than a day are removed by ``purge_stale``.
    """

    file = models.FileField(storage=private_storage, upload_to=random_name, max_length=255)
    original_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    @classmethod
    def purge_stale(cls, max_age=datetime.timedelta(days=1)):
        for pending in cls.objects.filter(created_at__lt=timezone.now() - max_age):
            pending.file.delete(save=False)
            pending.delete()
