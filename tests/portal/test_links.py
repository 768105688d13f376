"""Absolute links come from the request being answered, else from PORTAL_BASE_URL."""

from django.test import RequestFactory

from portal.links import CurrentRequestMiddleware, absolute_url, base_url


def test_outside_a_request_links_use_portal_base_url(settings):
    settings.PORTAL_BASE_URL = "https://pelatihan.example.go.id"
    assert absolute_url("/status/") == "https://pelatihan.example.go.id/status/"


def test_inside_a_request_links_use_its_host_and_scheme(settings):
    settings.PORTAL_BASE_URL = "https://pelatihan.example.go.id"
    seen = []
    middleware = CurrentRequestMiddleware(lambda request: seen.append(absolute_url("/status/")))
    middleware(RequestFactory().get("/", HTTP_HOST="127.0.0.1:8790"))
    assert seen == ["http://127.0.0.1:8790/status/"]
    # The request is forgotten once answered.
    assert base_url() == "https://pelatihan.example.go.id"
