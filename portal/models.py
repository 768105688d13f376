"""The office's identity, edited once per site and used on every page, letter and certificate."""

import base64
import os
import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.storage import private_storage
from portal.uploads import IMAGE_TYPES, MB, FileValidator

nip_validator = RegexValidator(r"^\d{18}$", _("A NIP has exactly 18 digits, without spaces."))


class CachedSiteSetting(BaseSiteSetting):
    """A site setting read from the cache (every page shows it); saving one purges every cached page."""

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        from portal.pagecache import remember

        if site is None:
            return super().for_site(site)
        return remember(
            f"setting:{cls._meta.label_lower}:{site.pk}",
            ["settings"],
            lambda: super(CachedSiteSetting, cls).for_site(site),
        )


class SigningPosition(models.TextChoices):
    """The offices that sign documents; which one signs which letter is set in the office settings."""

    HEAD_OF_OFFICE = "head_of_office", _("Head of office (Kepala Dinas)")
    HEAD_OF_UNIT = "head_of_unit", _("Head of unit (Kepala Bidang)")
    HEAD_OF_LICENSING = "head_of_licensing", _("Head of licensing (Kepala Bidang Perizinan)")


@register_setting(icon="site")
class OfficeSettings(CachedSiteSetting):
    office_name = models.CharField(
        _("office name"), max_length=200, default="Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi"
    )
    government_name = models.CharField(
        _("government"),
        max_length=200,
        blank=True,
        default="Pemerintah Kabupaten Banyuwangi",
        help_text=_("First line of the letterhead, e.g. 'Pemerintah Kabupaten Banyuwangi'."),
    )
    unit_name = models.CharField(_("unit"), max_length=200, blank=True, default="Pusat Pelatihan")
    office_code = models.CharField(
        _("office code"),
        max_length=30,
        blank=True,
        default="DISBUDPAR",
        help_text=_("Short code used in letter and certificate numbers."),
    )
    address = models.TextField(_("address"), blank=True)
    city = models.CharField(_("city (place of signing)"), max_length=100, blank=True, default="Banyuwangi")
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    head_name = models.CharField(_("head of office name"), max_length=200, blank=True)
    head_title = models.CharField(
        _("head of office title"),
        max_length=200,
        blank=True,
        default="Kepala Dinas",
    )
    head_rank = models.CharField(_("head of office rank"), max_length=200, blank=True)
    head_nip = models.CharField(_("head of office NIP"), max_length=18, blank=True, validators=[nip_validator])
    trainer_decision_signer = models.CharField(
        _("signer of trainer decisions"),
        max_length=40,
        choices=SigningPosition.choices,
        default=SigningPosition.HEAD_OF_UNIT,
        help_text=_("The official who decides signs the letter."),
    )
    licence_signer = models.CharField(
        _("signer of licence decrees and refusals"),
        max_length=40,
        choices=SigningPosition.choices,
        default=SigningPosition.HEAD_OF_OFFICE,
    )
    trainer_request_signer = models.CharField(
        _("signer of trainer request letters"),
        max_length=40,
        choices=SigningPosition.choices,
        default=SigningPosition.HEAD_OF_OFFICE,
    )
    consultation_signer = models.CharField(
        _("signer of consultation answers"),
        max_length=40,
        choices=SigningPosition.choices,
        default=SigningPosition.HEAD_OF_UNIT,
    )
    certificate_signer = models.CharField(
        _("signer of certificates"),
        max_length=40,
        choices=SigningPosition.choices,
        default=SigningPosition.HEAD_OF_OFFICE,
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    whatsapp_number = models.CharField(_("WhatsApp number"), max_length=30, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("government_name"),
                FieldPanel("office_name"),
                FieldPanel("unit_name"),
                FieldPanel("office_code"),
                FieldPanel("logo"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        # Signer data appears on official letters: only superusers may change it.
        MultiFieldPanel(
            [
                FieldPanel("head_name", permission="superuser"),
                FieldPanel("head_title", permission="superuser"),
                FieldPanel("head_rank", permission="superuser"),
                FieldPanel("head_nip", permission="superuser"),
            ],
            heading=_("Head of office"),
        ),
        # Who signs which letter; the officials themselves (signatures, stamps) are under
        # Settings → Signing officials, superusers only, with history.
        MultiFieldPanel(
            [
                FieldPanel("trainer_decision_signer", permission="superuser"),
                FieldPanel("licence_signer", permission="superuser"),
                FieldPanel("trainer_request_signer", permission="superuser"),
                FieldPanel("consultation_signer", permission="superuser"),
                FieldPanel("certificate_signer", permission="superuser"),
            ],
            heading=_("Signers per document kind"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("whatsapp_number"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("office identity")

    def __str__(self):
        return self.office_name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        sync_head_official(self)  # the head of office signs with the identity shown here

    # Letter kind -> the field naming the position that signs it (the one that decides).
    SIGNER_FIELDS = {
        "trainer_decision": "trainer_decision_signer",
        "course_licence_decree": "licence_signer",
        "course_licence_refusal": "licence_signer",
        "trainer_request_approval": "trainer_request_signer",
        "trainer_assignment": "trainer_request_signer",
        "trainer_request_refusal": "trainer_request_signer",
        "consultation_answer": "consultation_signer",
        "certificate": "certificate_signer",
    }

    def signer_position(self, kind):
        field = self.SIGNER_FIELDS.get(kind)
        return getattr(self, field) if field else SigningPosition.HEAD_OF_OFFICE

    def head_signer(self):
        return {
            "name": self.head_name,
            "title": self.head_title,
            "rank": self.head_rank,
            "nip": self.head_nip,
            "signature": "",
            "stamp": "",
            "official_id": None,
        }

    def signer_for(self, kind):
        """The signer of a document kind: the current official of the configured position;
        the head of office's identity fields when no official is recorded for it."""
        position = self.signer_position(kind)
        official = SigningOfficial.objects.for_position(position)
        if official is None and position != SigningPosition.HEAD_OF_OFFICE:
            official = SigningOfficial.objects.for_position(SigningPosition.HEAD_OF_OFFICE)
        return official.as_signer() if official is not None else self.head_signer()

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        if self.whatsapp_number:
            digits = "".join(ch for ch in self.whatsapp_number if ch.isdigit())
            if digits.startswith("0"):
                digits = "62" + digits[1:]
            links.append(("WhatsApp", f"https://wa.me/{digits}"))
        return [(name, url) for name, url in links if url]


def signing_image_name(instance, filename):
    return f"signing/{instance.position}/{uuid.uuid4().hex}{os.path.splitext(filename)[1].lower() or '.png'}"


class SigningOfficialQuerySet(models.QuerySet):
    def current(self):
        return self.filter(superseded_at__isnull=True)

    def for_position(self, position):
        return self.current().filter(position=position).first()


class SigningOfficial(models.Model):
    """The official who signs for a position: name, title, NIP, signature and stamp images.

    Versioned: saving never changes a row, it adds a new version and marks the previous one
    superseded, so every document can be traced to the signer data it was made with. The
    images live in private storage (no URL); only superusers may edit (see ``viewsets``).
    """

    position = models.CharField(_("position"), max_length=40, choices=SigningPosition.choices)
    name = models.CharField(_("name with degrees"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    rank = models.CharField(_("rank"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[nip_validator])
    signature = models.FileField(
        _("signature image"),
        storage=private_storage,
        upload_to=signing_image_name,
        blank=True,
        max_length=255,
        validators=[FileValidator(allowed=IMAGE_TYPES, max_bytes=2 * MB)],
        help_text=_("PNG with a transparent background works best."),
    )
    stamp = models.FileField(
        _("stamp image"),
        storage=private_storage,
        upload_to=signing_image_name,
        blank=True,
        max_length=255,
        validators=[FileValidator(allowed=IMAGE_TYPES, max_bytes=2 * MB)],
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("saved at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True, editable=False)

    objects = SigningOfficialQuerySet.as_manager()

    class Meta:
        verbose_name = _("signing official")
        verbose_name_plural = _("signing officials")
        ordering = ["position", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["position", "version"], name="signing_official_version_unique"),
            models.UniqueConstraint(
                fields=["position"],
                condition=models.Q(superseded_at__isnull=True),
                name="one_current_signing_official",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_position_display()}, v{self.version})"

    def save(self, *args, **kwargs):
        """Save as a new version of the position; the rows before it stay, superseded."""
        with transaction.atomic():
            now = timezone.now()
            previous = SigningOfficial.objects.select_for_update().filter(
                models.Q(position=self.position, superseded_at__isnull=True) | models.Q(pk=self.pk or 0)
            )
            list(previous)  # lock
            previous.filter(superseded_at__isnull=True).update(superseded_at=now)
            latest = SigningOfficial.objects.filter(position=self.position).aggregate(latest=models.Max("version"))
            self.pk = None
            self._state.adding = True
            self.version = (latest["latest"] or 0) + 1
            self.created_at = now
            self.superseded_at = None
            kwargs.pop("update_fields", None)
            kwargs["force_insert"] = True
            super().save(*args, **kwargs)

    @property
    def is_current(self):
        return self.superseded_at is None

    def as_signer(self):
        """The dict letters and certificates print (name, title, rank, nip, images as data URIs)."""
        return {
            "name": self.name,
            "title": self.title,
            "rank": self.rank,
            "nip": self.nip,
            "signature": image_data_uri(self.signature),
            "stamp": image_data_uri(self.stamp),
            "official_id": self.pk,
        }


def image_data_uri(fieldfile):
    """A private image as a ``data:`` URI the PDF renderer may load ('' when missing)."""
    if not fieldfile:
        return ""
    try:
        with fieldfile.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError):
        return ""
    mime = "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def sync_head_official(office):
    """The head of office as the current signing official of that position: a new version when the
    identity fields changed (the signature and stamp images carry over)."""
    if not office.head_name:
        return None
    current = SigningOfficial.objects.for_position(SigningPosition.HEAD_OF_OFFICE)
    values = {"name": office.head_name, "title": office.head_title, "rank": office.head_rank, "nip": office.head_nip}
    if current is not None and all(getattr(current, key) == value for key, value in values.items()):
        return current
    official = current or SigningOfficial(position=SigningPosition.HEAD_OF_OFFICE)
    for key, value in values.items():
        setattr(official, key, value)
    official.save()
    return official
