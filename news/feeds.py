"""RSS 2.0 and Atom feeds of a news index (Django's syndication framework)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from portal.links import base_url

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return self.index.title

    def link(self):
        return self.index.full_url or base_url()

    def description(self):
        return self.index.introduction or self.index.title

    def items(self):
        return list(
            self.index.news().select_related("category").order_by("-date", "-first_published_at")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        # A guid must not change with the host a reader came in by.
        return f"{settings.PORTAL_BASE_URL}/page/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return datetime.datetime.combine(item.date, datetime.time(8, 0), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
