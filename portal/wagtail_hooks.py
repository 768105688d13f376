from wagtail import hooks

from portal import pagecache


@hooks.register("before_serve_page")
def tag_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    """Every served page is cacheable for anonymous visitors, tagged with what it shows."""
    if not getattr(request, "is_preview", False):
        pagecache.tag(request, *pagecache.page_tags(page))
