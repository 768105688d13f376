"""Shareable images and posters of public pages, and the colours they are drawn in.

A ``SharedAsset`` caches one generated file per page and kind (the Open Graph card, the A4
poster of a class). Its ``fingerprint`` hashes everything drawn on it; when a page is
published, or the office identity or colours change, the fingerprint changes and the file
is drawn again on the next request (publishing redraws the card at once).
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import register_setting

from portal.models import CachedSiteSetting

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour code such as #0b5d5b."))


@register_setting(icon="image")
class ShareStyle(CachedSiteSetting):
    """The office's colours on social cards and posters (defaults: the site's own colours)."""

    primary_colour = models.CharField(_("main colour"), max_length=7, default="#0b5d5b", validators=[colour_validator])
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#c2561a", validators=[colour_validator]
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=120,
        blank=True,
        default="Kelas gratis untuk masyarakat",
        help_text=_("A short line printed on every poster."),
    )

    panels = [FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]), FieldPanel("tagline")]

    class Meta:
        verbose_name = _("card and poster style")


class SharedAsset(models.Model):
    """A generated social card or class poster, kept as a file so each is drawn once per change of its page."""

    class Kind(models.TextChoices):
        CARD = "card", _("Social card")
        POSTER = "poster", _("Poster")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="shared_assets")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    fingerprint = models.CharField(max_length=64)
    file = models.FileField(upload_to="shared/", max_length=255)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("shared image or poster")
        verbose_name_plural = _("shared images and posters")
        constraints = [models.UniqueConstraint(fields=["page", "kind"], name="one_shared_asset_per_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.page_id}"
