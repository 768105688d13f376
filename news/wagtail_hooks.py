from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import NewsCategory
from portal.hooks import DEMO_CONTENT, HOME_PANEL, STARTER_DATA, Panel

HOME_ITEMS = 3


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(NewsCategoryViewSet)


@hooks.register(HOME_PANEL)
def latest_news(request):
    """Pinned announcements first, then the newest items, in two queries (plus renditions)."""
    from news.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.live().public().first()
    if index is None:
        return None
    news = NewsPage.objects.live().public().descendant_of(index)
    pinned = list(news.pinned().for_listing()[:HOME_ITEMS])
    latest = list(news.exclude(pk__in=[item.pk for item in pinned]).for_listing()[: max(HOME_ITEMS - len(pinned), 0)])
    items = pinned + latest
    if not items:
        return None
    return Panel(_("News and announcements"), "news/home_panel.html", {"items": items, "index": index}, order=10)


@hooks.register(DEMO_CONTENT, order=70)
def load_demo_news(stdout):
    from news.demo import load

    load(stdout)


@hooks.register(STARTER_DATA, order=60)
def load_starter_news(setup):
    from news.starter import load

    load(setup)
