import pytest

from wagtail.models import Site

from news.factories import NewsIndexPageFactory


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)
