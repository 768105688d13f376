"""The home page and the office's standard pages (about, contact, privacy)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from home.blocks import BodyBlock, HomeBodyBlock
from portal.hooks import cached_public_services, home_panels


class SiteRootPermissionTester(PagePermissionTester):
    """The home page carries the whole public site: only a superuser may take it down (unpublish,
    delete, move) or put it behind privacy. Editors still edit and publish its content."""

    def _superuser_only(self):
        return self.user.is_active and self.user.is_superuser

    def can_unpublish(self):
        return self._superuser_only() and super().can_unpublish()

    def can_delete(self, ignore_bulk=False):
        return self._superuser_only() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._superuser_only() and super().can_move()

    def can_set_view_restrictions(self):
        return self._superuser_only() and super().can_set_view_restrictions()


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(HomeBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def cache_tags(self):
        # Sections from other apps tag the request themselves (``portal.pagecache.tag``).
        return ["home"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the deepest page on the path in one query instead of one query per level.

        Wagtail walks the tree a slug at a time (a query per level, each made specific); the
        pages' ``url_path`` already holds every level, so the deepest page whose address starts
        the path is found at once and routes the rest (sub-routes of routable pages) itself.
        """
        if path_components:
            prefixes = [
                self.url_path + "/".join(path_components[:i]) + "/" for i in range(1, len(path_components) + 1)
            ]
            match = (
                Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth)
                .order_by("-depth")
                .first()
            )
            if match is not None:
                return match.specific.route(request, path_components[match.depth - self.depth :])
        return super().route(request, path_components)

    def permissions_for_user(self, user):
        return SiteRootPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = cached_public_services()
        context["home_panels"] = home_panels(request)
        return context


class StandardPage(Page):
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
