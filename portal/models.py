"""The office's identity, edited once per site and used on every page, letter and certificate."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

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
    head_signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("head of office signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
                FieldPanel("head_signature", permission="superuser"),
            ],
            heading=_("Head of office (signer)"),
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
