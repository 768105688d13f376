"""The portal's URLs plus ``/_bare/``: a bare Django view returning a short response (the yardstick)."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_bare/", bare), *portal_urlpatterns]
