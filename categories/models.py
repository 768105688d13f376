"""The fields of training (Seni Tari, Kriya, Pemasaran Digital ...) that several flows tag with.

A class belongs to one category, trainers list several as their expertise, and requests,
consultations and certificate templates name one. The list lives in its own small app so
that every flow can point at it without depending on the catalogue.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Category(index.Indexed, models.Model):
    """A field of training; editors keep the list under *Class categories* in the admin."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    icon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("icon or image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("icon"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]

    def __str__(self):
        return self.name
