from django import template

from wagtail.models import Site

from portal.hooks import public_services

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        root = site.root_page
        items = list(root.get_children().live().in_menu().specific(defer=True).only("title", "url_path"))
    current = context.get("page")
    current_path = getattr(current, "url_path", "") or ""
    marked = [(item, current_path.startswith(item.url_path)) for item in items]
    return {"request": request, "items": marked}


@register.simple_tag
def services():
    return public_services()


@register.filter
def field_type(bound_field):
    return bound_field.field.widget.__class__.__name__
