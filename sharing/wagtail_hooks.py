from wagtail import hooks

from portal.hooks import DEMO_CONTENT, PAGE_META, PAGE_PANEL


@hooks.register(PAGE_META)
def share_tags(request, page):
    from sharing.meta import page_meta

    return page_meta(request, page)


@hooks.register(DEMO_CONTENT, order=90)
def load_demo_cards_and_posters(stdout):
    from sharing.demo import load

    load(stdout)


@hooks.register(PAGE_PANEL)
def share_class(request, page):
    """Share links and the printable poster under a class."""
    from django.utils.translation import gettext_lazy as _

    from portal.hooks import Panel

    if getattr(getattr(page, "_meta", None), "label", "") != "courses.CoursePage":
        return None
    url = page.get_full_url(request)
    return Panel(_("Share this class"), "sharing/share_panel.html", {"page": page, "url": url}, order=90)
