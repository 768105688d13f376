"""Open Graph / Twitter metadata of class, trainer and news pages."""

from django.utils.text import Truncator

from sharing.cards import CARD_SIZE, card_content, card_url, identity_for, is_shareable


def description_of(page):
    for attr in ("search_description", "summary", "short_bio"):
        value = getattr(page, attr, "")
        if value:
            return Truncator(" ".join(value.split())).chars(200)
    return ""


def page_meta(request, page):
    if not is_shareable(page) or not page.pk:  # a new page's preview has nothing to share yet
        return None
    office, _style = identity_for(page, request)
    content = card_content(page)
    kind = page._meta.label
    return {
        "type": "article" if kind == "news.NewsPage" else ("profile" if kind == "trainers.TrainerPage" else "website"),
        "title": page.seo_title or page.title,
        "description": description_of(page),
        "url": page.get_full_url(request),
        "site_name": office.unit_name if office else "",
        "image": request.build_absolute_uri(card_url(page, request)),
        "image_width": CARD_SIZE[0],
        "image_height": CARD_SIZE[1],
        "image_alt": " · ".join([content.title, *[str(line) for line in content.lines]]),
    }
