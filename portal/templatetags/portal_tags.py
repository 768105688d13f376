from django import template

from wagtail.models import Page, Site

from portal.hooks import public_services

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The header navigation: the home page's live children marked "show in menus"."""
    request = context.get("request")
    root = _site_root(request)
    items = []
    if root:
        items = list(root.get_children().live().public().in_menu().only("title", "url_path", "depth", "path"))
    current = context.get("page")
    current_path = getattr(current, "url_path", "") or ""
    marked = [(item, current_path.startswith(item.url_path)) for item in items]
    return {"request": request, "items": marked}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Every live top-level page (about, contact, privacy policy ...), in the editors' order."""
    root = _site_root(context.get("request"))
    if not root:
        return []
    return list(root.get_children().live().public().only("title", "url_path", "depth", "path"))


@register.simple_tag
def services():
    return public_services()


@register.filter
def field_type(bound_field):
    return bound_field.field.widget.__class__.__name__


@register.inclusion_tag("components/page_panels.html", takes_context=True)
def page_panels(context, page=None):
    """Sections other apps add at the foot of a page (``register_page_panel``)."""
    from portal.hooks import page_panels as collect

    request = context.get("request")
    page = page or context.get("page")
    # Some views put a non-page object named "page" in the context (a paginator page, say).
    return {"request": request, "panels": collect(request, page) if isinstance(page, Page) else []}


@register.inclusion_tag("components/share_meta.html", takes_context=True)
def share_meta(context):
    """Open Graph / Twitter card tags of the current page (``register_page_meta``)."""
    from portal.hooks import page_meta

    request = context.get("request")
    page = context.get("page")
    return {"meta": page_meta(request, page) if isinstance(page, Page) and request is not None else None}


@register.filter(name="mask_nik")
def mask_nik_filter(value):
    """``{{ participant.nik|mask_nik }}`` -> ``3510••••••••0001`` (the default way to show a NIK)."""
    from portal.nik import mask_nik

    return mask_nik(value)
