import pytest


@pytest.fixture
def home(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def demo_sops(db):
    from sops.demo import load

    return load()
