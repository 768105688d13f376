"""The SOP process core: cases, their transition log, the working-time clock, outbox and letters."""

import datetime
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.storage import private_storage
from procedures import registry


def new_token():
    return secrets.token_urlsafe(24)


class Case(models.Model):
    """Mixin for any record that follows an SOP procedure.

    A concrete model names its procedure once, ``procedure = PROCEDURE`` (which registers it),
    and provides ``applicant_name`` and ``applicant_email`` (fields or properties). It may
    override ``applicant_user``, ``transition_available``, ``notification_recipients``,
    ``admin_summary`` and the private-file methods. What a transition does is declared on the
    procedure (``Transition(effect=...)``), not here.
    """

    #: The model's :class:`procedures.registry.Procedure`; set in the concrete model's body.
    procedure = None

    tracking_number = models.CharField(
        _("tracking number"), max_length=32, unique=True, null=True, blank=True, editable=False
    )
    access_token = models.CharField(max_length=64, default=new_token, editable=False)
    state = models.CharField(_("step"), max_length=40, db_index=True)
    state_entered_at = models.DateTimeField(_("step started"), null=True, blank=True, editable=False)
    state_due_at = models.DateTimeField(_("step due"), null=True, blank=True, editable=False, db_index=True)
    clock_started_at = models.DateTimeField(_("service clock started"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.tracking_number or _('(draft)')} · {self.applicant_name}"

    def start(self, save=True):
        """Begin a new case in its procedure's initial state (a draft, an unconfirmed request).

        Every case is created this way; the first transition (``submit``, ``confirm``) then
        numbers it and starts the clock.
        """
        if self.pk is not None:
            raise ValueError("start() begins a new case; this one is already saved.")
        self.state = self.procedure.initial_state
        if save:
            self.save()
        return self

    def update_fields(self, **values):
        """Set fields on this object and write them to its row only (no full save, no ``updated_at``).

        Effects use it inside a transition's transaction: another request's change to other
        fields is never overwritten with stale values.
        """
        for name, value in values.items():
            setattr(self, name, value)
        if values:
            type(self).objects.filter(pk=self.pk).update(**values)

    @property
    def step(self):
        return self.procedure.step(self.state)

    @property
    def state_label(self):
        return self.step.label

    @property
    def is_closed(self):
        return self.step.final

    @property
    def is_overdue(self):
        return bool(self.state_due_at and not self.step.final and timezone.now() > self.state_due_at)

    @property
    def applicant_user(self):
        return getattr(self, "user", None)

    def is_applicant(self, user):
        owner = self.applicant_user
        return bool(user and user.is_authenticated and owner is not None and owner.pk == user.pk)

    def get_status_url(self):
        if not self.tracking_number:
            return ""
        return reverse("procedures:detail", args=[self.tracking_number, self.access_token])

    def get_absolute_status_url(self):
        return f"{settings.PORTAL_BASE_URL}{self.get_status_url()}"

    def get_letters_url(self):
        """Where the applicant downloads this case's letters; flows without accounts override it."""
        return ""

    def events(self):
        return CaseEvent.objects.for_case(self).select_related("actor")

    def letters(self):
        return Letter.objects.for_case(self)

    # Extension points for flows --------------------------------------------------------

    def transition_available(self, transition):
        """Whether ``transition`` makes sense for this particular case (e.g. only the signing action that
        matches the recommendation). Roles and states are checked by the core; this narrows further."""
        return True

    def notification_recipients(self, transition, event):
        """Addresses told about this transition; by default the applicant."""
        return [self.applicant_email] if self.applicant_email else []

    def admin_summary(self):
        """(label, value) pairs shown to staff on the case's detail screen."""
        return []

    def admin_summary_for(self, user):
        """The summary as ``user`` may see it (a flow masks what the user's step does not need)."""
        return self.admin_summary()

    @classmethod
    def visible_to(cls, queryset, user):
        """The cases of ``queryset`` a staff member may open; a flow narrows it (instructors: their classes)."""
        return queryset

    def staff_may_act(self, user, transition):
        """Whether ``user`` (who holds a role of the transition) may act on this case in particular."""
        return True

    #: Names of this model's FileFields holding private uploads (shown to staff, owner only).
    private_file_fields = ()
    #: Key kinds (the part before "-") of files only staff may open, never the applicant.
    staff_only_file_kinds = ()

    def private_files(self):
        """(label, key) pairs of the case's private files; ``get_private_file(key)`` opens one."""
        files = [
            (self._meta.get_field(name).verbose_name, name) for name in self.private_file_fields if getattr(self, name)
        ]
        files += [
            (f"{event.transition_label} · {event.created_at:%d-%m-%Y}", f"event-{event.pk}")
            for event in self.events()
            if event.attachment
        ]
        files += [
            (
                _("%(subject)s (revoked)") % {"subject": letter.subject} if letter.revoked_at else letter.subject,
                f"letter-{letter.pk}",
            )
            for letter in self.letters()
            if letter.pdf
        ]
        return files

    def get_private_file(self, key):
        """The FieldFile for ``key`` if it belongs to this case, else None."""
        if key in self.private_file_fields:
            return getattr(self, key) or None
        kind, _sep, pk = key.partition("-")
        if not pk.isdigit():
            return None
        if kind == "event":
            event = self.events().filter(pk=int(pk)).first()
            return event.attachment if event and event.attachment else None
        if kind == "letter":
            letter = self.letters().filter(pk=int(pk)).first()
            return letter.pdf if letter and letter.pdf else None
        return None

    def get_applicant_file(self, key):
        """The FieldFile for ``key`` if the applicant may open it, else None.

        The applicant gets their own uploads, the attachments of steps that were shared with
        them (``CaseEvent.attachment_for_applicant``) and letters that are not revoked; never an
        internal step's attachment (a draft passed between staff) nor a ``staff_only_file_kinds``
        file. Staff open every file through :meth:`get_private_file`.
        """
        kind, _sep, pk = key.partition("-")
        if kind in self.staff_only_file_kinds:
            return None
        if kind == "event":
            if not pk.isdigit():
                return None
            event = self.events().filter(pk=int(pk), attachment_for_applicant=True).first()
            return event.attachment if event and event.attachment else None
        if kind == "letter":
            if not pk.isdigit():
                return None
            letter = self.letters().filter(pk=int(pk), revoked_at__isnull=True).first()
            return letter.pdf if letter and letter.pdf else None
        return self.get_private_file(key)

    @property
    def due_display(self):
        if self.step.final or not self.state_due_at:
            return "—"
        due = timezone.localtime(self.state_due_at).strftime("%d-%m-%Y %H:%M")
        return _("Overdue since %(due)s") % {"due": due} if self.is_overdue else _("Due %(due)s") % {"due": due}


class CaseEventQuerySet(models.QuerySet):
    def for_case(self, case):
        return self.filter(
            content_type=ContentType.objects.get_for_model(case, for_concrete_model=True), object_id=case.pk
        ).order_by("sequence")


class CaseEvent(models.Model):
    """One transition of one case, recorded exactly once (unique per case and sequence)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    sequence = models.PositiveIntegerField()
    procedure_code = models.CharField(max_length=40)
    tracking_number = models.CharField(max_length=32, blank=True)
    transition = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=40)
    to_state = models.CharField(_("to"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    public_note = models.BooleanField(default=False)
    attachment = models.FileField(
        _("attachment"), storage=private_storage, upload_to="case-events/%Y/%m/", blank=True, max_length=255
    )
    #: Whether the applicant may download the attachment (their own upload, or staff shared it).
    attachment_for_applicant = models.BooleanField(_("attachment shared with the applicant"), default=False)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    step_started_at = models.DateTimeField(null=True, blank=True)
    step_due_at = models.DateTimeField(null=True, blank=True)
    step_working_minutes = models.PositiveIntegerField(null=True, blank=True)
    overdue = models.BooleanField(default=False)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["content_type", "object_id", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "sequence"], name="case_event_once")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.tracking_number} {self.from_state} → {self.to_state}"

    @cached_property
    def procedure(self):
        return registry.get(self.procedure_code)

    @property
    def transition_label(self):
        try:
            return self.procedure.transition(self.transition).label
        except KeyError:
            return self.transition

    @property
    def from_label(self):
        return self.procedure.step(self.from_state).label

    @property
    def to_label(self):
        return self.procedure.step(self.to_state).label


class Sequence(models.Model):
    """Yearly counters for tracking and letter numbers, incremented under a row lock."""

    key = models.CharField(max_length=60)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "year"], name="sequence_key_year")]

    def __str__(self):
        return f"{self.key}/{self.year}: {self.last}"


class OutboxMessage(models.Model):
    """An email waiting to be sent; written in the same transaction as the change it reports."""

    recipients = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    html_body = models.TextField(blank=True)
    #: [{"filename", "path" (in private storage), "mimetype"}]: files attached when sending.
    attachments = models.JSONField(default=list, blank=True)
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    available_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.recipients)}"

    @property
    def status(self):
        if self.sent_at:
            return _("sent")
        if self.attempts:
            return _("retrying")
        return _("waiting")


class LetterQuerySet(models.QuerySet):
    def for_case(self, case):
        return self.filter(
            content_type=ContentType.objects.get_for_model(case, for_concrete_model=True), object_id=case.pk
        ).order_by("created_at")

    def visible_to(self, user):
        """Letters of the flows ``user``'s roles act on or view (their queue roles); all for superusers.

        A role sees the letters of the services it works in only: the head of licensing does not
        read consultation answers, a team member does not read licence decrees.
        """
        from accounts.roles import user_roles

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        held = user_roles(user)
        models_seen = [
            procedure.model
            for procedure in registry.all_procedures()
            if procedure.model is not None and held & (procedure.acting_roles() | set(procedure.viewer_roles))
        ]
        if not models_seen:
            return self.none()
        content_types = ContentType.objects.get_for_models(*models_seen, for_concrete_models=True).values()
        return self.filter(content_type__in=list(content_types))


class Letter(models.Model):
    """An official letter on the office letterhead, numbered, stored as a private PDF, verifiable by QR."""

    kind = models.CharField(_("kind"), max_length=40)
    number = models.CharField(_("letter number"), max_length=100, unique=True)
    date = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=255)
    addressee = models.TextField(_("addressee"))
    body = models.TextField(_("body"))
    details = models.JSONField(_("details"), default=list, blank=True)
    signer_name = models.CharField(_("signer"), max_length=200)
    signer_title = models.CharField(_("signer title"), max_length=200)
    signer_rank = models.CharField(_("signer rank"), max_length=200, blank=True)
    signer_nip = models.CharField(_("signer NIP"), max_length=18, blank=True)
    office_name = models.CharField(_("office"), max_length=200)
    verification_code = models.CharField(max_length=40, unique=True)
    pdf = models.FileField(storage=private_storage, upload_to="letters/%Y/", blank=True, max_length=255)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    case = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.number} · {self.subject}"

    def get_verify_url(self):
        return f"{settings.PORTAL_BASE_URL}{reverse('procedures:verify_letter', args=[self.verification_code])}"


class Holiday(models.Model):
    """National holidays and collective leave days (cuti bersama): the clock skips them."""

    NATIONAL = "national"
    COLLECTIVE_LEAVE = "collective_leave"
    KIND_CHOICES = [(NATIONAL, _("National holiday")), (COLLECTIVE_LEAVE, _("Collective leave (cuti bersama)"))]

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default=NATIONAL)

    panels = [FieldPanel("date"), FieldPanel("name"), FieldPanel("kind")]

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.name}"


@register_setting(icon="time")
class WorkingHours(BaseGenericSetting):
    """Office hours that the SOP clock counts; standard times only run inside them."""

    day_start = models.TimeField(_("office opens"), default=datetime.time(7, 30))
    day_end = models.TimeField(_("office closes"), default=datetime.time(16, 0))
    monday = models.BooleanField(_("Monday"), default=True)
    tuesday = models.BooleanField(_("Tuesday"), default=True)
    wednesday = models.BooleanField(_("Wednesday"), default=True)
    thursday = models.BooleanField(_("Thursday"), default=True)
    friday = models.BooleanField(_("Friday"), default=True)
    saturday = models.BooleanField(_("Saturday"), default=False)
    sunday = models.BooleanField(_("Sunday"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("day_start"), FieldPanel("day_end")]),
        MultiFieldPanel(
            [
                FieldPanel(day)
                for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
            ],
            heading=_("Working days"),
        ),
    ]

    class Meta:
        verbose_name = _("working hours")

    @property
    def weekdays(self):
        flags = [self.monday, self.tuesday, self.wednesday, self.thursday, self.friday, self.saturday, self.sunday]
        return {index for index, on in enumerate(flags) if on}

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.day_start and self.day_end and self.day_end <= self.day_start:
            raise ValidationError({"day_end": _("The office must close after it opens.")})
        if not self.weekdays:
            raise ValidationError(_("Choose at least one working day."))
