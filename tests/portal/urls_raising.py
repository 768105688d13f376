"""The project's URLs plus a view that fails, to see the 500 handler at work."""

from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("rusak/", broken_view)] + portal_urlpatterns
