from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from form_pages.models import SubmissionArchive
from portal.hooks import DEMO_CONTENT


class SubmissionArchiveViewSet(SnippetViewSet):
    """Archives written by ``apply_form_retention``; read only, downloaded through a checked view."""

    model = SubmissionArchive
    icon = "form"
    menu_label = _("Form archives")
    add_to_admin_menu = False
    list_display = ["page", "submission_count", "oldest", "newest", "created_at"]
    list_filter = ["page"]
    inspect_view_enabled = True
    inspect_view_fields = ["page", "submission_count", "oldest", "newest", "created_at", "download_link"]


register_snippet(SubmissionArchiveViewSet)


@hooks.register("register_admin_urls")
def archive_download_url():
    from form_pages.views import archive_download

    return [path("form-archives/<int:pk>/download/", archive_download, name="form_pages_admin_archive")]


@hooks.register(DEMO_CONTENT, order=75)
def load_demo_forms(stdout):
    from form_pages.demo import load

    load(stdout)
