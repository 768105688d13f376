from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from portal.hooks import HOME_SECTION


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(label=_("Or a link"), required=False, help_text=_("e.g. /narasumber/daftar/"))
    link_text = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"))

    class Meta:
        icon = "pick"
        template = "blocks/featured_pages_block.html"
        label = _("Featured classes")


class UpcomingScheduleBlock(blocks.StructBlock):
    """Shows the next sessions from every app that registers a home section."""

    heading = blocks.CharBlock(label=_("Heading"))
    limit = blocks.IntegerBlock(label=_("Number of items"), default=6, min_value=1, max_value=20)

    class Meta:
        icon = "date"
        template = "blocks/upcoming_schedule_block.html"
        label = _("Upcoming schedule")

    def get_context(self, value, parent_context=None):
        from wagtail import hooks

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        items = []
        for fn in hooks.get_hooks(HOME_SECTION):
            items.extend(fn(request, value["limit"]))
        items.sort(key=lambda item: item["start"])
        context["items"] = items[: value["limit"]]
        return context


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title", icon="title", label=_("Heading"), template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]
    )
    image = ImageBlock(label=_("Image"), template="blocks/image_block.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class HomeBodyBlock(BodyBlock):
    featured_classes = FeaturedPagesBlock()
    upcoming_schedule = UpcomingScheduleBlock()
