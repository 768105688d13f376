"""News (*Berita*) and announcements (*Pengumuman*) written by the communications staff.

An index page at /berita/ lists articles (``NewsPage``), newest first, with pinned
announcements on top until their end date (office time zone) passes; the home page shows the
same through the ``register_home_panel`` hook, and RSS/Atom feeds hang off the index.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock

CARD_RENDITION = "fill-640x360"


class NewsCategory(models.Model):
    """A topic of news (Kegiatan, Prestasi Alumni, Informasi Layanan ...), registered as a snippet."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsPageQuerySet(PageQuerySet):
    def pinned(self, now=None):
        """Pinned items whose end date has not passed yet."""
        now = now or timezone.now()
        return self.filter(pinned=True, pinned_until__gt=now)

    def for_listing(self):
        Image = get_image_model()
        return (
            self.select_related("category")
            .prefetch_related(Prefetch("image", queryset=Image.objects.prefetch_renditions(CARD_RENDITION)))
            .order_by("-date", "-first_published_at", "-pk")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, Page):
    """The news listing (/berita/) with category filter and RSS/Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    def cache_tags(self):
        return ["news"]

    page_size = 10

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return NewsPage.objects.live().public().descendant_of(self)

    @path("")
    def listing(self, request):
        items = self.news().for_listing()
        categories = list(NewsCategory.objects.filter(pk__in=self.news().values("category")))
        selected = None
        slug = request.GET.get("kategori")
        if slug:
            selected = next((category for category in categories if category.slug == slug), None)
            if selected:
                items = items.filter(category=selected)
        pinned = list(self.news().pinned().for_listing()) if not selected else []
        if pinned:
            items = items.exclude(pk__in=[item.pk for item in pinned])
        return self.render(
            request,
            context_overrides={
                "pinned": pinned,
                "news_items": Paginator(items, self.page_size).get_page(request.GET.get("page")),
                "categories": categories,
                "selected_category": selected,
            },
        )

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("pinned") and not cleaned.get("pinned_until"):
            self.add_error("pinned_until", _("A pinned item needs the date and time its pin ends."))
        return cleaned


class NewsPage(Page):
    """One news article or announcement."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ANNOUNCEMENT = "announcement", _("Announcement")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.ForeignKey(
        NewsCategory, verbose_name=_("category"), null=True, blank=True, on_delete=models.SET_NULL, related_name="news"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences shown on cards."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    pinned = models.BooleanField(
        _("pin to the top"), default=False, help_text=_("Shown first on the home page and the news index.")
    )
    pinned_until = models.DateTimeField(
        _("pinned until"), null=True, blank=True, help_text=_("Office time. The pin ends on its own at this moment.")
    )

    objects = NewsPageManager()
    base_form_class = NewsPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("pinned"), FieldPanel("pinned_until")], heading=_("Pinning")),
        InlinePanel("related_classes", label=_("Related class"), heading=_("Related classes")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    cache_listing_tags = ("news",)

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]

    @property
    def is_pinned(self):
        return bool(self.pinned and self.pinned_until and self.pinned_until > timezone.now())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_classes"] = [
            link.course
            for link in self.related_classes.select_related("course__category").filter(
                Q(course__live=True), ~Q(course=None)
            )
        ]
        return context


class NewsRelatedClass(Orderable):
    """A class a news item talks about; the class card is shown under the article."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_classes")
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("class"), on_delete=models.CASCADE, related_name="news_links"
    )

    panels = [PageChooserPanel("course", page_type="courses.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related class")
        verbose_name_plural = _("related classes")

    def __str__(self):
        return str(self.course)
