"""The card image and the class poster, served to anyone who may see the page (no cookies)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control

from wagtail.models import Page

from sharing.cards import card_for, is_shareable, poster_for


def _public_page(page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not is_shareable(page):
        raise Http404
    return page


def card(request, page_id):
    page = _public_page(page_id)
    asset = card_for(page, request)
    response = FileResponse(asset.file.open("rb"), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    # Versioned URLs (?v=fingerprint) never change content; the bare URL is re-checked daily.
    patch_cache_control(response, public=True, max_age=30 * 86400 if request.GET.get("v") else 86400)
    return response


def poster(request, page_id):
    page = _public_page(page_id)
    if page._meta.label != "courses.CoursePage":
        raise Http404
    asset = poster_for(page, request)
    response = FileResponse(
        asset.file.open("rb"), content_type="application/pdf", filename=f"poster-{page.slug}.pdf", as_attachment=False
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=3600)
    return response
