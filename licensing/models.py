"""Course-provider licences (Izin Penyelenggaraan Kursus dan Pelatihan, SOP 001).

An institution's representative fills the institution's data and uploads one document per
item of the requirement checklist that staff maintain (``RequirementItem``). The front office
verifies item by item (``DocumentReview`` keeps every verdict), the technical office files
the field inspection report (``FieldInspection`` with findings and phone photos), the back
office drafts the decree, two approvals and the head of office's signature follow, and the
signed decree creates the ``Licence`` shown in the public register.
"""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.storage import private_storage
from portal.text import text_lines
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MB, random_name
from procedures.models import Case, CaseEvent, Letter

from .procedure import PROCEDURE

ACCEPTED_TYPE_SETS = {
    "documents": DOCUMENT_TYPES,
    "pdf": {"application/pdf": "pdf"},
    "images": IMAGE_TYPES,
}


@register_setting(icon="doc-full")
class LicensingSettings(BaseGenericSetting):
    """Options of the licence decree that the head of licensing may change without a release."""

    validity_years = models.PositiveSmallIntegerField(
        _("licence validity (years)"), default=5, help_text=_("How long a newly issued licence is valid.")
    )
    legal_basis = models.TextField(
        _("legal basis of the decree (Mengingat)"),
        default=(
            "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional;\n"
            "Peraturan Pemerintah Nomor 17 Tahun 2010 tentang Pengelolaan dan Penyelenggaraan Pendidikan;\n"
            "Peraturan Menteri Pendidikan dan Kebudayaan Nomor 81 Tahun 2013 tentang Pendirian Satuan "
            "Pendidikan Nonformal."
        ),
        help_text=_("One regulation per line; printed in every licence decree."),
    )

    panels = [FieldPanel("validity_years"), FieldPanel("legal_basis")]

    class Meta:
        verbose_name = _("licensing")


class RequirementItemQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class RequirementItem(models.Model):
    """One line of the licence requirement checklist (persyaratan); the upload form is built from it."""

    ACCEPTED_CHOICES = [
        ("documents", _("PDF or image (JPEG, PNG, WebP)")),
        ("pdf", _("PDF only")),
        ("images", _("Images only (JPEG, PNG, WebP)")),
    ]

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    required = models.BooleanField(_("required"), default=True)
    accepted_types = models.CharField(
        _("accepted types"), max_length=20, choices=ACCEPTED_CHOICES, default="documents"
    )
    max_size_mb = models.PositiveSmallIntegerField(_("maximum size (MB)"), default=5)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive items are no longer asked for in new applications.")
    )

    objects = RequirementItemQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("required"),
        FieldPanel("accepted_types"),
        FieldPanel("max_size_mb"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("licence requirement")
        verbose_name_plural = _("licence requirements")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def allowed_types(self):
        return ACCEPTED_TYPE_SETS.get(self.accepted_types, DOCUMENT_TYPES)

    @property
    def max_bytes(self):
        return self.max_size_mb * MB

    @property
    def accept_attribute(self):
        return ",".join(sorted({f".{ext}" for ext in self.allowed_types.values()} | set(self.allowed_types)))


class LicenceApplication(Case):
    """An institution's application for a course-provider licence: SOP 001 step 1 (the online file),
    worked through the front office, back office, technical office and the approvals to the decree."""

    procedure = PROCEDURE

    LEGAL_FORMS = [
        ("yayasan", _("Foundation (yayasan)")),
        ("perkumpulan", _("Association (perkumpulan)")),
        ("koperasi", _("Cooperative (koperasi)")),
        ("cv", _("Limited partnership (CV)")),
        ("pt", _("Limited company (PT)")),
        ("perorangan", _("Individual (perorangan)")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="licence_applications",
    )
    # Draft fields may be blank: the applicant saves partial work; the submit form requires them.
    institution_name = models.CharField(_("institution name"), max_length=200, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LEGAL_FORMS, blank=True)
    address = models.TextField(_("address"), blank=True)
    regency = models.CharField(_("regency/city"), max_length=100, blank=True)
    head_name = models.CharField(_("head of the institution"), max_length=200, blank=True)
    contact_phone = models.CharField(_("phone / WhatsApp"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    programmes = models.TextField(
        _("course programmes offered"), blank=True, help_text=_("One programme per line, e.g. Tata Busana.")
    )
    instructors_count = models.PositiveSmallIntegerField(_("number of instructors"), null=True, blank=True)
    facilities = models.TextField(
        _("facilities"),
        blank=True,
        help_text=_("One facility per line, e.g. 2 classrooms, 15 sewing machines. The field inspection checks each."),
    )

    recommended = models.BooleanField(_("recommended by the technical office"), null=True, blank=True)
    recommendation_reasons = models.TextField(_("recommendation reasons"), blank=True)
    decree_considerations = models.TextField(_("considerations (Menimbang)"), blank=True)
    decree_decision = models.TextField(_("decision text (Memutuskan)"), blank=True)
    sk_received_at = models.DateTimeField(_("decree downloaded by the applicant"), null=True, blank=True)

    class Meta:
        verbose_name = _("licence application")
        verbose_name_plural = _("licence applications")
        ordering = ["-created_at"]

    # Case contract ------------------------------------------------------------------
    @property
    def applicant_name(self):
        return self.institution_name or self.user.get_full_name() or self.user.email

    @property
    def applicant_email(self):
        return self.contact_email or self.user.email

    @property
    def programme_list(self):
        return text_lines(self.programmes)

    @property
    def facility_list(self):
        return text_lines(self.facilities)

    @property
    def is_editable_by_applicant(self):
        return self.state in {"draft", "correction"}

    def admin_summary(self):
        recommendation = {True: _("Recommended"), False: _("Not recommended"), None: "—"}[self.recommended]
        return [
            (_("Institution"), self.institution_name),
            (_("Legal form"), self.get_legal_form_display()),
            (_("Address"), self.address),
            (_("Regency/city"), self.regency),
            (_("Head of the institution"), self.head_name),
            (_("Contact"), f"{self.contact_phone} · {self.applicant_email}"),
            (_("Course programmes"), "\n".join(self.programme_list)),
            (_("Number of instructors"), self.instructors_count),
            (_("Facilities"), "\n".join(self.facility_list)),
            (
                _("Documents"),
                "\n".join(f"{doc.item.name}: {doc.get_status_display()}" for doc in self.documents.all()),
            ),
            (_("Recommendation"), recommendation),
            (_("Recommendation reasons"), self.recommendation_reasons),
            (_("Considerations (Menimbang)"), self.decree_considerations),
            (_("Decision text (Memutuskan)"), self.decree_decision),
        ]

    def transition_available(self, transition):
        """Whether ``transition`` fits this case beyond role and state (the signing follows the recommendation)."""
        if transition.name == "sign":
            return self.recommended is True
        if transition.name == "sign_refusal":
            return self.recommended is False
        return True

    # Files: per-item uploads and inspection photos live in related models -----------
    #: Inspection/event photos are working papers of the office.
    staff_only_file_kinds = ("photo",)

    def private_files(self):
        files = [(f"{doc.item.name} ({doc.original_name})", f"doc-{doc.pk}") for doc in self.documents.all()]
        inspection = getattr(self, "inspection", None) if self.pk else None
        if inspection is not None:
            files += [
                (_("Inspection photo %(n)d") % {"n": index}, f"photo-{photo.pk}")
                for index, photo in enumerate(inspection.photos.all(), start=1)
            ]
        return files + super().private_files()

    def get_private_file(self, key):
        kind, _sep, pk = key.partition("-")
        if kind == "doc" and pk.isdigit():
            document = self.documents.filter(pk=int(pk)).first()
            return document.file if document and document.file else None
        if kind == "photo" and pk.isdigit():
            photo = InspectionPhoto.objects.filter(pk=int(pk), inspection__application=self).first()
            return photo.image if photo and photo.image else None
        return super().get_private_file(key)

    # Service-level clock: time used against the "5 working days" promise ----------
    def service_clock(self, calendar, promise_minutes, now=None):
        now = now or timezone.now()
        used = calendar.minutes_between(self.clock_started_at, self.closed_at or now) if self.clock_started_at else 0
        return ServiceClock(
            used_minutes=used, promise_minutes=promise_minutes, minutes_per_day=calendar.minutes_per_day
        )


class ServiceClock:
    """Working time used by one case against the whole service's promise, in office days."""

    def __init__(self, used_minutes, promise_minutes, minutes_per_day):
        self.used_minutes = used_minutes
        self.promise_minutes = promise_minutes
        self.minutes_per_day = minutes_per_day or 1

    @property
    def used_days(self):
        return self.used_minutes / self.minutes_per_day

    @property
    def promise_days(self):
        return math.ceil(self.promise_minutes / self.minutes_per_day) if self.promise_minutes else 0

    @property
    def overdue(self):
        return bool(self.promise_minutes) and self.used_minutes > self.promise_days * self.minutes_per_day


class ApplicationDocument(models.Model):
    """The applicant's upload for one checklist item, with the front office's latest verdict."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    STATUS_CHOICES = [(PENDING, _("waiting for verification")), (ACCEPTED, _("accepted")), (REFUSED, _("refused"))]

    application = models.ForeignKey(LicenceApplication, on_delete=models.CASCADE, related_name="documents")
    item = models.ForeignKey(
        RequirementItem, verbose_name=_("requirement"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=random_name, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES, default=PENDING)
    reason = models.TextField(_("reason for refusal"), blank=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["item__sort_order", "item__pk"]
        constraints = [models.UniqueConstraint(fields=["application", "item"], name="licensing_one_document_per_item")]

    def __str__(self):
        return f"{self.item.name}: {self.original_name}"

    @property
    def key(self):
        """The key of this file in ``LicenceApplication.get_private_file``."""
        return f"doc-{self.pk}"


class DocumentReview(models.Model):
    """One front-office verdict on one document: the history behind ``ApplicationDocument.status``."""

    document = models.ForeignKey(ApplicationDocument, on_delete=models.CASCADE, related_name="reviews")
    event = models.ForeignKey(CaseEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    file_name = models.CharField(_("file name"), max_length=255)
    verdict = models.CharField(
        _("verdict"),
        max_length=20,
        choices=[(ApplicationDocument.ACCEPTED, _("accepted")), (ApplicationDocument.REFUSED, _("refused"))],
    )
    reason = models.TextField(_("reason"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document review")
        verbose_name_plural = _("document reviews")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.document.item.name}: {self.verdict}"


class FieldInspection(models.Model):
    """The technical office's field inspection report (BAP lapangan) and recommendation, SOP step 4."""

    application = models.OneToOneField(LicenceApplication, on_delete=models.CASCADE, related_name="inspection")
    visit_date = models.DateField(_("visit date"))
    officers = models.TextField(_("inspecting officers"), help_text=_("One officer per line (name, NIP)."))
    conclusion = models.TextField(_("conclusion"))
    recommended = models.BooleanField(_("recommended"))
    reasons = models.TextField(_("reasons"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("field inspection report")
        verbose_name_plural = _("field inspection reports")

    def __str__(self):
        return f"BAP {self.application}"


class InspectionFinding(models.Model):
    """One facility checked during the field inspection (SOP 001 step 4), with its condition."""

    ADEQUATE = "adequate"
    INADEQUATE = "inadequate"
    MISSING = "missing"
    CONDITION_CHOICES = [(ADEQUATE, _("adequate")), (INADEQUATE, _("inadequate")), (MISSING, _("not found"))]

    inspection = models.ForeignKey(FieldInspection, on_delete=models.CASCADE, related_name="findings")
    facility = models.CharField(_("facility"), max_length=255)
    condition = models.CharField(_("condition"), max_length=20, choices=CONDITION_CHOICES)
    notes = models.TextField(_("notes"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.facility}: {self.condition}"


class InspectionPhoto(models.Model):
    """A photo taken on site with a phone: re-encoded to JPEG (metadata stripped), stored privately."""

    inspection = models.ForeignKey(FieldInspection, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), storage=private_storage, upload_to=random_name, max_length=255)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.image.name


class LicenceQuerySet(models.QuerySet):
    def valid(self, on=None):
        on = on or timezone.localdate()
        return self.filter(revoked_at__isnull=True, valid_from__lte=on, valid_until__gte=on)

    def search(self, query):
        query = (query or "").strip()
        if not query:
            return self
        return self.filter(
            Q(institution_name__icontains=query)
            | Q(programmes__icontains=query)
            | Q(number__icontains=query)
            | Q(regency__icontains=query)
        )


class Licence(models.Model):
    """A course-provider licence created when the head of office signs the decree."""

    number = models.CharField(_("licence number"), max_length=100, unique=True)
    application = models.OneToOneField(
        LicenceApplication, on_delete=models.PROTECT, related_name="licence", verbose_name=_("application")
    )
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="+", verbose_name=_("decree"))
    institution_name = models.CharField(_("institution"), max_length=200)
    programmes = models.TextField(_("course programmes"))
    regency = models.CharField(_("regency/city"), max_length=100)
    address = models.TextField(_("address"), blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)

    objects = LicenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("course-provider licence")
        verbose_name_plural = _("course-provider licences")
        ordering = ["institution_name"]

    def __str__(self):
        return f"{self.number} · {self.institution_name}"

    def clean(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The licence must end after it starts.")})

    @property
    def programme_list(self):
        return text_lines(self.programmes)

    @property
    def status(self):
        if self.revoked_at:
            return "revoked"
        if self.valid_until < timezone.localdate():
            return "expired"
        return "valid"

    def get_status_display(self):
        return {"revoked": _("revoked"), "expired": _("expired"), "valid": _("valid")}[self.status]
