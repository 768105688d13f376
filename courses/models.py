"""Class catalogue: categories, class pages with their agenda, and training materials."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Category(index.Indexed, models.Model):
    """A field of training (Seni Tari, Kriya, ...); classes belong to one, trainers list several as expertise."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    icon = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("icon or image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
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
