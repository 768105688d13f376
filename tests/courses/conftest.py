import pytest

from wagtail.models import Site

from courses.factories import CourseIndexPageFactory, MaterialIndexPageFactory


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def catalogue(home):
    return CourseIndexPageFactory(parent=home)


@pytest.fixture
def library(home):
    return MaterialIndexPageFactory(parent=home)
