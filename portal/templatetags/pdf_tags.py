from django import template

from portal.pdf import qr_data_uri

register = template.Library()


@register.simple_tag
def pdf_image(image, spec="height-120"):
    """A ``media:`` URI of a Wagtail image rendition that the PDF renderer may load."""
    if not image:
        return ""
    rendition = image.get_rendition(spec)
    return f"media:{rendition.file.name}"


@register.simple_tag
def qr_code(text, scale=4):
    return qr_data_uri(str(text), scale=int(scale))
