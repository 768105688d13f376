"""Factories for news, shared by tests and the demo loader."""

import datetime

import factory
import wagtail_factories

from django.utils import timezone
from django.utils.text import slugify

from news.models import NewsCategory, NewsIndexPage, NewsPage


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Berita"
    slug = "berita"
    introduction = "Kabar kegiatan dan pengumuman Pusat Pelatihan."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Berita kegiatan {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Ringkasan singkat berita untuk kartu dan umpan RSS."
    date = factory.LazyFunction(timezone.localdate)
    kind = NewsPage.Kind.NEWS

    class Meta:
        model = NewsPage

    class Params:
        pinned_for_days = factory.Trait(
            pinned=True,
            pinned_until=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7)),
        )
