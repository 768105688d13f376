"""Publishing a class, trainer or news page draws its card again (after the commit)."""

import logging

from django.db import transaction

from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def redraw_card(sender, instance, **kwargs):
    from sharing.cards import card_for, is_shareable

    page = instance.specific
    if not is_shareable(page):
        return

    def draw():
        try:
            card_for(page)
        except Exception:  # a broken image must never stop a page from being published
            logger.exception("could not draw the social card of page %s", page.pk)

    transaction.on_commit(draw)


page_published.connect(redraw_card, dispatch_uid="sharing-redraw-card")
