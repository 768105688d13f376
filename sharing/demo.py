"""Draw the card of every published class, trainer and news page and the poster of every class."""

from courses.models import CoursePage
from news.models import NewsPage
from sharing.cards import card_for, poster_for
from trainers.models import TrainerPage


def load(stdout):
    cards = posters = 0
    for model in (CoursePage, TrainerPage, NewsPage):
        for page in model.objects.live().public().select_related():
            card_for(page)
            cards += 1
            if model is CoursePage:
                poster_for(page)
                posters += 1
    stdout.write(f"  {cards} social cards, {posters} posters")
