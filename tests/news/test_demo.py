"""The communications demo: news with a pinned announcement, two editor-built forms (one with an
upload), a card and a poster for every class, the statistics page and three alumni stories."""

import io

import pytest

from django.core.management import call_command

from wagtail import hooks

from courses.models import CoursePage
from form_pages.models import FormPage, FormUpload
from news.models import NewsPage
from portal.hooks import DEMO_CONTENT
from public_statistics.models import StatisticsPage
from sharing.models import SharedAsset
from stories.models import AlumniStory

pytestmark = pytest.mark.django_db


def test_demo_shows_the_communications_toolkit(client):
    call_command("load_demo", stdout=io.StringIO())
    counts = (
        NewsPage.objects.count(),
        FormPage.objects.count(),
        SharedAsset.objects.count(),
        AlumniStory.objects.count(),
    )

    news = NewsPage.objects.live()
    assert news.count() >= 4
    assert news.pinned().filter(kind="announcement").exists()
    home = client.get("/").content.decode()
    assert news.pinned().first().title in home

    forms = list(FormPage.objects.live())
    assert len(forms) == 2
    assert sum(1 for form in forms if form.file_field_names()) == 1
    assert FormUpload.objects.filter(submission__isnull=False).exists()

    classes = list(CoursePage.objects.live())
    for course in classes:
        assert SharedAsset.objects.filter(page=course, kind="card").exists()
        assert SharedAsset.objects.filter(page=course, kind="poster").exists()

    statistics = StatisticsPage.objects.live().get()
    assert "Peserta per kategori" in client.get(statistics.url).content.decode()

    stories = list(AlumniStory.objects.approved().select_related("course"))
    assert len(stories) == 3
    assert stories[0].story in client.get(stories[0].course.url).content.decode()

    # Idempotent: running this toolkit's loaders again adds nothing.
    for loader in hooks.get_hooks(DEMO_CONTENT):
        if loader.__module__.split(".")[0] in ("news", "form_pages", "sharing", "public_statistics", "stories"):
            loader(io.StringIO())
    assert counts == (
        NewsPage.objects.count(),
        FormPage.objects.count(),
        SharedAsset.objects.count(),
        AlumniStory.objects.count(),
    )
