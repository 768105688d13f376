"""Certificates (*sertifikat*) for participants who complete a class (SOP 000, step 5).

A ``CertificateTemplate`` is the design staff edit in the admin; a ``Certificate`` is one
issued document. The certificate keeps a snapshot of everything it prints (holder name,
class, dates, hours, grade, signers) so later edits to the class or template never change
a certificate already issued. Corrections are made by re-issuing: the old certificate is
revoked and points to its replacement, so the history stays verifiable.
"""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from certificates.placeholders import placeholder_help, validate_body, validate_number_pattern
from portal.links import base_url
from portal.models import nip_validator
from portal.storage import private_storage

DEFAULT_NUMBER_PATTERN = "{seq:03d}/KK/{office_code}/{roman_month}/{year}"
DEFAULT_BODY = (
    "Telah mengikuti {course_title} {cohort} yang diselenggarakan pada tanggal {start_date} sampai dengan "
    "{end_date} selama {hours} jam pelajaran, bidang {category}, dengan predikat {grade}."
)


class CertificateTemplateQuerySet(models.QuerySet):
    def for_course(self, course):
        """The template for a class: the class's own, else its category's, else the site default."""
        template = self.filter(course_id=course.pk).first()
        if template is None and course.category_id:
            template = self.filter(course__isnull=True, category_id=course.category_id).first()
        if template is None:
            template = self.filter(is_default=True).first()
        return template


class CertificateTemplate(models.Model):
    """The look and wording of certificates (SOP 000 step 5), for one class, a category or the whole site."""

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("A4 landscape")
        PORTRAIT = "portrait", _("A4 portrait")

    name = models.CharField(_("name"), max_length=120)
    orientation = models.CharField(
        _("paper"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Printed across the whole page; leave room in the middle for the text."),
    )
    title = models.CharField(_("title"), max_length=80, default="SERTIFIKAT")
    recipient_label = models.CharField(_("text before the name"), max_length=120, default="Diberikan kepada:")
    body = models.TextField(_("body text"), default=DEFAULT_BODY)
    number_pattern = models.CharField(
        _("number pattern"),
        max_length=100,
        default=DEFAULT_NUMBER_PATTERN,
        help_text=_("Fields: {seq:03d} (running number per year), {office_code}, {roman_month}, {month}, {year}."),
    )
    use_office_signer = models.BooleanField(
        _("signed by the head of office"),
        default=True,
        help_text=_("Use the name, title, NIP and signature from the office identity settings."),
    )
    signer_name = models.CharField(_("signer name"), max_length=200, blank=True)
    signer_title = models.CharField(_("signer title"), max_length=200, blank=True)
    signer_rank = models.CharField(_("signer rank"), max_length=200, blank=True)
    signer_nip = models.CharField(_("signer NIP"), max_length=18, blank=True, validators=[nip_validator])
    signer_signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    second_signer_name = models.CharField(_("second signer name"), max_length=200, blank=True)
    second_signer_title = models.CharField(_("second signer title"), max_length=200, blank=True)
    second_signer_nip = models.CharField(_("second signer NIP"), max_length=18, blank=True, validators=[nip_validator])
    second_signer_signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("second signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        "categories.Category",
        verbose_name=_("for the category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificate_templates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("for the class"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificate_templates",
    )
    is_default = models.BooleanField(
        _("site default"), default=False, help_text=_("Used for classes without a class or category template.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CertificateTemplateQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldRowPanel([FieldPanel("orientation"), FieldPanel("is_default")])],
            heading=_("Template"),
        ),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("course")],
            heading=_("Used for"),
            help_text=_("A class template wins over a category template, which wins over the site default."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("background"),
                FieldPanel("title"),
                FieldPanel("recipient_label"),
                HelpPanel(_("Placeholders you can use in the body text: %(names)s") % {"names": placeholder_help()}),
                FieldPanel("body"),
                FieldPanel("number_pattern"),
            ],
            heading=_("Design and text"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("use_office_signer"),
                FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_title")]),
                FieldRowPanel([FieldPanel("signer_rank"), FieldPanel("signer_nip")]),
                FieldPanel("signer_signature"),
            ],
            heading=_("Signer"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("second_signer_name"), FieldPanel("second_signer_title")]),
                FieldPanel("second_signer_nip"),
                FieldPanel("second_signer_signature"),
            ],
            heading=_("Second signer (optional)"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default_template"),
            models.UniqueConstraint(fields=["course"], name="one_template_per_class"),
            models.UniqueConstraint(
                fields=["category"], condition=Q(course__isnull=True), name="one_template_per_category"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        for field in ("body",):
            try:
                validate_body(getattr(self, field))
            except ValidationError as error:
                errors[field] = error.messages
        try:
            validate_number_pattern(self.number_pattern)
        except ValidationError as error:
            errors["number_pattern"] = error.messages
        if not self.use_office_signer and not (self.signer_name and self.signer_title):
            errors["signer_name"] = [_("Enter the signer's name and title, or use the head of office.")]
        if self.second_signer_name and not self.second_signer_title:
            errors["second_signer_title"] = [_("Enter the second signer's title.")]
        if self.course_id and self.category_id:
            errors["category"] = [_("Choose either a class or a category, not both.")]
        if self.is_default and (self.course_id or self.category_id):
            errors["is_default"] = [_("The site default cannot be limited to a class or category.")]
        others = CertificateTemplate.objects.exclude(pk=self.pk)
        if self.is_default and others.filter(is_default=True).exists():
            errors["is_default"] = [_("Another template is already the site default.")]
        if self.course_id and others.filter(course_id=self.course_id).exists():
            errors["course"] = [_("This class already has its own template.")]
        if (
            self.category_id
            and not self.course_id
            and others.filter(category_id=self.category_id, course__isnull=True).exists()
        ):
            errors["category"] = [_("This category already has a template.")]
        if errors:
            raise ValidationError(errors)

    @property
    def scope_display(self):
        if self.course_id:
            return _("Class: %(name)s") % {"name": self.course.title}
        if self.category_id:
            return _("Category: %(name)s") % {"name": self.category.name}
        return _("Site default") if self.is_default else _("Not used")

    def signers(self, office):
        """The signers to print, as dicts (name, title, rank, nip, signature_id)."""
        if self.use_office_signer:
            signer = office.signer_for("certificate")
            first = {
                "name": signer["name"],
                "title": signer["title"],
                "rank": signer["rank"],
                "nip": signer["nip"],
                "signature_id": None,
                "official_id": signer["official_id"],  # a version: the certificate keeps its signature
            }
        else:
            first = {
                "name": self.signer_name,
                "title": self.signer_title,
                "rank": self.signer_rank,
                "nip": self.signer_nip,
                "signature_id": self.signer_signature_id,
            }
        signers = [first]
        if self.second_signer_name:
            signers.append(
                {
                    "name": self.second_signer_name,
                    "title": self.second_signer_title,
                    "rank": "",
                    "nip": self.second_signer_nip,
                    "signature_id": self.second_signer_signature_id,
                }
            )
        return signers


def mask_name(name):
    """``"Ni Luh Putu Sari"`` -> ``"Ni L*** P*** S***"``: first word whole, then initials."""
    words = (name or "").split()
    if not words:
        return ""
    return " ".join([words[0]] + [f"{word[0]}***" for word in words[1:]])


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)

    def for_listing(self):
        return self.select_related("course", "enrolment__participant", "replacement")


class Certificate(models.Model):
    """A participant's certificate of completion (SOP 000 step 5): numbered, rendered to PDF, verifiable by QR."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")

    enrolment = models.ForeignKey(
        "enrolment.Enrolment", verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("class"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    number = models.CharField(_("certificate number"), max_length=100, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=40, unique=True)
    holder_name = models.CharField(_("name as printed"), max_length=200)
    course_title = models.CharField(_("class title"), max_length=255)
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    category_name = models.CharField(_("category"), max_length=100, blank=True)
    cohort = models.CharField(_("cohort"), max_length=60, blank=True)
    grade = models.CharField(_("grade"), max_length=60, blank=True)
    score = models.DecimalField(_("final score"), max_digits=6, decimal_places=2, null=True, blank=True)
    office_name = models.CharField(_("issuing office"), max_length=200, blank=True)
    place = models.CharField(_("place of signing"), max_length=100, blank=True)
    signers = models.JSONField(_("signers"), default=list, blank=True)
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(storage=private_storage, upload_to="certificates/%Y/", blank=True, max_length=255)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replacement",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            # Never two valid certificates for one enrolment, whatever races the issuing code meets.
            models.UniqueConstraint(
                fields=["enrolment"], condition=Q(revoked_at__isnull=True), name="one_valid_certificate_per_enrolment"
            )
        ]

    def __str__(self):
        return f"{self.number} · {self.holder_name}"

    def save(self, *args, **kwargs):
        self.holder_name = unicodedata.normalize("NFC", " ".join(self.holder_name.split()))
        super().save(*args, **kwargs)

    @property
    def status(self):
        if self.revoked_at is None:
            return self.Status.VALID
        return self.Status.REPLACED if hasattr(self, "replacement") else self.Status.REVOKED

    @property
    def status_label(self):
        return self.Status(self.status).label

    @property
    def is_valid(self):
        return self.revoked_at is None

    @property
    def masked_holder_name(self):
        return mask_name(self.holder_name)

    @property
    def date_range(self):
        from django.utils.formats import date_format

        if not self.start_date:
            return ""
        if not self.end_date or self.end_date == self.start_date:
            return date_format(self.start_date, "j F Y")
        return f"{date_format(self.start_date, 'j F Y')} – {date_format(self.end_date, 'j F Y')}"

    def get_verify_path(self):
        return reverse("certificates:verify", args=[self.verification_code])

    def get_verify_url(self):
        return f"{base_url()}{self.get_verify_path()}"

    @property
    def linkedin_url(self):
        from certificates.credentials import linkedin_url

        return linkedin_url(self)

    def get_download_url(self):
        return reverse("certificates:download", args=[self.pk])

    @property
    def filename(self):
        safe = "".join(ch if ch.isalnum() else "-" for ch in self.number).strip("-")
        return f"sertifikat-{safe}.pdf"
