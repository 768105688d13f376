"""Regional trainings (SOP 003) with the invited regions, their nominations, the budget, and the
preparation of needs and facilities (SOP 004). The procedures are declared in ``procedure.py``."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from portal.nik import mask_nik
from portal.storage import private_storage
from procedures.models import Case

from .procedure import FACILITIES_PROCEDURE, NEEDS_PROCEDURE, PROCEDURE


def new_link_token():
    return secrets.token_urlsafe(32)


class RegionalTraining(Case, ClusterableModel):
    """One regional training along SOP 003: the work plan (step 1) to the report received (11)."""

    procedure = PROCEDURE

    title = models.CharField(_("title"), max_length=200)
    objectives = models.TextField(_("objectives"))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=255)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("class page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The class the training runs as: accepted candidates are enrolled in it."),
    )
    budget_document = models.CharField(
        _("budget document (DPA)"), max_length=200, blank=True, help_text=_("Number of the DPA the budget comes from.")
    )
    nomination_deadline = models.DateTimeField(
        _("nomination deadline"), null=True, blank=True, help_text=_("Regions answer until this moment.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invitation_text = models.TextField(_("invitation"), blank=True)
    cover_letter_text = models.TextField(_("cover letter"), blank=True)
    decree_text = models.TextField(_("committee decree (SK Panitia)"), blank=True)
    meeting_minutes = models.TextField(_("meeting minutes"), blank=True)
    meeting_attendees = models.TextField(_("meeting attendees"), blank=True)
    meeting_decisions = models.TextField(_("meeting decisions"), blank=True)
    report_text = models.TextField(_("implementation report"), blank=True)
    report_pdf = models.FileField(
        _("implementation report (PDF)"), storage=private_storage, upload_to="events/reports/%Y/", blank=True
    )

    private_file_fields = ("report_pdf",)

    panels = [
        FieldPanel("title"),
        FieldPanel("objectives"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("place"),
        FieldPanel("course"),
        FieldRowPanel([FieldPanel("budget_document"), FieldPanel("nomination_deadline")]),
        MultiFieldPanel([InlinePanel("regions", label=_("invited region"))], heading=_("Quota per region")),
        MultiFieldPanel([InlinePanel("budget_lines", label=_("budget line"))], heading=_("Budget")),
        MultiFieldPanel(
            [InlinePanel("photos", label=_("photo"))],
            heading=_("Photos of the training"),
            help_text=_("Added during or after the training; the first four go into the implementation report."),
        ),
    ]

    class Meta:
        verbose_name = _("regional training")
        verbose_name_plural = _("regional trainings")
        ordering = ["-start_date"]

    def __str__(self):
        return f"{self.tracking_number or _('(draft)')} · {self.title}"

    @property
    def applicant_name(self):
        return self.created_by.get_full_name() if self.created_by else ""

    @property
    def applicant_email(self):
        return self.created_by.email if self.created_by else ""

    def notification_recipients(self, transition, event):
        # An internal flow: staff learn from their queues, regions from their own letters and links.
        return []

    def admin_summary(self):
        regions = ", ".join(f"{r.name} ({r.quota})" for r in self.regions.all())
        budget = "\n".join(f"{line.description}: {line.planned_display}" for line in self.budget_lines.all())
        not_ready = ", ".join(item.name for item in self.facilities_not_ready())
        return [
            (_("Title"), self.title),
            (_("Objectives"), self.objectives),
            (_("Dates"), f"{self.start_date:%d-%m-%Y} – {self.end_date:%d-%m-%Y}"),
            (_("Place"), self.place),
            (_("Class page"), self.course),
            (_("Budget document (DPA)"), self.budget_document),
            (_("Invited regions (quota)"), regions),
            (_("Budget"), budget),
            (_("Nomination deadline"), self.deadline_display),
            (_("Facilities not ready"), not_ready or _("All ready")),
            (_("Meeting decisions"), self.meeting_decisions),
        ]

    def transition_available(self, transition):
        if transition.name == "sign":
            return bool(self.invitation_text and self.cover_letter_text and self.decree_text)
        if transition.name == "distribute":
            return self.regions.exists()
        if transition.name == "close_nominations":
            return self.course_id is not None
        return True

    @property
    def deadline_display(self):
        if not self.nomination_deadline:
            return "—"
        return timezone.localtime(self.nomination_deadline).strftime("%d-%m-%Y %H:%M")

    @property
    def total_quota(self):
        return sum(region.quota for region in self.regions.all())

    def facilities_not_ready(self):
        return [item for item in self.facilities.all() if item.state != FacilityItem.State.READY]

    def nominations_open(self, now=None):
        if self.state != "nominations":
            return False
        return not self.nomination_deadline or (now or timezone.now()) <= self.nomination_deadline


class BudgetLine(models.Model):
    """One line of the training's budget from the DPA: planned in step 1, realised in the report."""

    training = ParentalKey(RegionalTraining, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField(_("description"), max_length=200)
    account_code = models.CharField(_("account code"), max_length=60, blank=True)
    planned = models.DecimalField(_("planned (Rp)"), max_digits=14, decimal_places=0)
    realised = models.DecimalField(_("realised (Rp)"), max_digits=14, decimal_places=0, null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("description"), FieldPanel("account_code")]),
        FieldRowPanel([FieldPanel("planned"), FieldPanel("realised")]),
    ]

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["pk"]

    def __str__(self):
        return self.description

    @property
    def planned_display(self):
        return rupiah(self.planned)


class TrainingPhoto(models.Model):
    """A photo of the training for the implementation report (SOP 003 step 10)."""

    training = ParentalKey(RegionalTraining, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["pk"]

    def __str__(self):
        return self.caption or str(self.image)


def rupiah(amount):
    if amount is None:
        return "—"
    return "Rp " + f"{int(amount):,}".replace(",", ".")


class InvitedRegion(models.Model):
    """A regency or city invited to nominate candidates, with its quota, its letter and its personal link."""

    training = ParentalKey(RegionalTraining, on_delete=models.CASCADE, related_name="regions")
    name = models.CharField(_("regency / city"), max_length=120)
    quota = models.PositiveSmallIntegerField(_("quota"))
    officer_name = models.CharField(_("officer"), max_length=120, blank=True)
    officer_email = models.EmailField(_("officer's email"), blank=True)
    address = models.CharField(_("addressee of the letter"), max_length=255, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_link_token, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    sent_proof = models.CharField(_("proof of sending"), max_length=255, blank=True)
    receipt_at = models.DateTimeField(_("receipt"), null=True, blank=True, editable=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True, editable=False)
    reminders = models.PositiveSmallIntegerField(_("reminders"), default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("quota")]),
        FieldRowPanel([FieldPanel("officer_name"), FieldPanel("officer_email")]),
        FieldPanel("address"),
    ]

    class Meta:
        verbose_name = _("invited region")
        verbose_name_plural = _("invited regions")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["training", "name"], name="events_region_once")]

    def __str__(self):
        return self.name

    def get_link_path(self):
        return reverse("events:nominate", args=[self.token])

    def get_link_url(self):
        return f"{settings.PORTAL_BASE_URL}{self.get_link_path()}"

    def active_candidates(self):
        return self.candidates.exclude(status=Candidate.Status.WITHDRAWN)

    @property
    def nominated_count(self):
        return self.active_candidates().count()

    @property
    def is_late(self):
        deadline = self.training.nomination_deadline
        if self.answered_at:
            return bool(deadline and self.answered_at > deadline)
        return bool(deadline and timezone.now() > deadline)

    @property
    def over_quota(self):
        return self.nominated_count > self.quota


class Candidate(models.Model):
    """A person a region nominates (SOP 003 step 7); accepted ones become enrolments of the class."""

    class Status(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn by the region")

    region = models.ForeignKey(InvitedRegion, on_delete=models.CASCADE, related_name="candidates")
    full_name = models.CharField(_("full name"), max_length=200)
    nik = models.CharField(_("NIK"), max_length=16)
    phone = models.CharField(_("phone / WhatsApp"), max_length=30)
    email = models.EmailField(_("email"), blank=True)
    position = models.CharField(_("position"), max_length=120)
    agency = models.CharField(_("agency"), max_length=200)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOMINATED)
    clash = models.CharField(_("clash"), max_length=255, blank=True)
    enrolment = models.ForeignKey(
        "enrolment.Enrolment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("nominated"), default=timezone.now)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["region", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "nik"], condition=~Q(status="withdrawn"), name="events_candidate_once_per_region"
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def masked_nik(self):
        return mask_nik(self.nik)


class TrainingNeeds(Case):
    """The needs of one training (SOP 004 "Pelaksanaan Kegiatan Diklat"), corrected down and up the chain."""

    procedure = NEEDS_PROCEDURE

    training = models.OneToOneField(RegionalTraining, on_delete=models.CASCADE, related_name="needs")
    needs = models.TextField(_("needs of the training"), blank=True)

    class Meta:
        verbose_name = _("needs of a training")
        verbose_name_plural = _("needs of trainings")
        ordering = ["-created_at"]

    @property
    def applicant_name(self):
        return self.training.title

    applicant_email = ""

    def notification_recipients(self, transition, event):
        return []

    def admin_summary(self):
        return [(_("Training"), self.training), (_("Needs"), self.needs)]


class FacilityPreparation(Case):
    """The facilities of one training (SOP 004 "Penyiapan Sarana dan Prasarana Diklat")."""

    procedure = FACILITIES_PROCEDURE

    training = models.OneToOneField(RegionalTraining, on_delete=models.CASCADE, related_name="facility_preparation")

    class Meta:
        verbose_name = _("facilities of a training")
        verbose_name_plural = _("facilities of trainings")
        ordering = ["-created_at"]

    @property
    def applicant_name(self):
        return self.training.title

    applicant_email = ""

    def notification_recipients(self, transition, event):
        return []

    def transition_available(self, transition):
        if transition.name == "ready":
            return not self.training.facilities_not_ready()
        return True

    def admin_summary(self):
        rows = [(_("Training"), self.training)]
        for item in self.training.facilities.all():
            rows.append((item.name, f"{item.get_state_display()} · {item.responsible or '—'}"))
        return rows


class FacilityItem(models.Model):
    """One item of a training's facilities checklist: from the SOP's list or added by staff."""

    class State(models.TextChoices):
        NEEDED = "needed", _("Needed")
        IN_PROGRESS = "in_progress", _("Being prepared")
        READY = "ready", _("Ready")

    training = models.ForeignKey(RegionalTraining, on_delete=models.CASCADE, related_name="facilities")
    name = models.CharField(_("item"), max_length=200)
    from_sop = models.BooleanField(_("from the SOP's list"), default=False, editable=False)
    quantity = models.CharField(_("quantity"), max_length=60, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.NEEDED)
    note = models.CharField(_("note"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("training"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("state")]),
        FieldPanel("responsible"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("facility item")
        verbose_name_plural = _("facilities checklist")
        ordering = ["training", "-from_sop", "pk"]

    def __str__(self):
        return self.name


def days_overlap(first_start, first_end, second_start, second_end):
    return first_start <= second_end and second_start <= first_end
