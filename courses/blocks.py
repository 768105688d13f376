"""StreamField blocks of class and material pages: the shared body blocks plus a learning-outcome list."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import BodyBlock


class OutcomeListBlock(blocks.StructBlock):
    """A titled list (what participants bring, what they take home) kept as plain lines."""

    heading = blocks.CharBlock(label=_("Heading"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Items"))

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/outcome_list_block.html"
        label = _("List")


class CourseBodyBlock(BodyBlock):
    outcome_list = OutcomeListBlock()
