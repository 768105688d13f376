from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _photo_on_publish(sender, instance, revision=None, **kwargs):
    from trainers.services import publish_pending_photo

    publish_pending_photo(instance, revision)


class TrainersConfig(AppConfig):
    name = "trainers"
    verbose_name = _("Trainers")

    def ready(self):
        from wagtail.signals import page_published

        from trainers.models import TrainerPage

        # An approved trainer's photo becomes public only when the page does (issue 14).
        page_published.connect(_photo_on_publish, sender=TrainerPage, dispatch_uid="trainers.photo_on_publish")
