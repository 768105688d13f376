"""Blocks for the list fields every SOP document carries (legal basis, equipment, related SOPs)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ListItemBlock(blocks.TextBlock):
    class Meta:
        icon = "list-ul"
        label = _("Item")
        form_classname = "sop-list-item"


class RelatedSOPBlock(blocks.StructBlock):
    """A related SOP as the document names it, optionally linked to its published page."""

    title = blocks.CharBlock(label=_("Title as printed"), max_length=300)
    page = blocks.PageChooserBlock(label=_("SOP page"), page_type="sops.SOPPage", required=False)
    library_key = blocks.CharBlock(
        label=_("SOP library entry"),
        max_length=100,
        required=False,
        help_text=_("Set by adoption: the page adopted from this library entry is linked when no page is chosen."),
    )

    class Meta:
        icon = "link"
        label = _("Related SOP")


def item_list():
    return [("item", ListItemBlock())]
