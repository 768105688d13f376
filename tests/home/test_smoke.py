"""After load_demo, every live page in the tree answers 200 (every app's pages, as they land)."""

import io

import pytest

from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

from accounts.demo import DEMO_PASSWORD


@pytest.mark.django_db
def test_every_live_demo_page_renders():
    call_command("load_demo", stdout=io.StringIO())
    pages = list(Page.objects.live().public().specific().exclude(depth=1))
    assert len(pages) >= 4
    anonymous = Client(raise_request_exception=True)
    member = Client(raise_request_exception=True)
    assert member.login(email="peserta@demo.test", password=DEMO_PASSWORD)
    failures = []
    for page in pages:
        url = page.get_url()
        for who, client in (("anonymous", anonymous), ("member", member)):
            status = client.get(url).status_code
            if status != 200:
                failures.append(f"{who} {url} ({type(page).__name__}): {status}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/akun/login/", "/akun/signup/", "/healthz/"])
def test_entry_points_answer(client, url):
    assert client.get(url).status_code == 200
