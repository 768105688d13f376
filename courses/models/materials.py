"""Training materials (SOP "Penyiapan Bahan/Materi Diklat"): the shared library and the modules of a class.

Materials pass the review workflow of migration 0003 (team lead, then head of unit) before they
are published; participants-only attachments are served only to a class's participants and staff,
and the files of a material that is a draft or waits for approval only to staff and its owner
(``courses.services.document_access``).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Workflow
from wagtail.search import index

from courses.hooks import is_course_participant
from portal.text import text_lines

from .catalogue import CoursePage

MATERIAL_WORKFLOW_NAME = "Review bahan/materi diklat"


class MaterialIndexPage(Page):
    """The shared library of training materials (modules reused by several classes)."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.MaterialPage"]

    class Meta:
        verbose_name = _("material library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        materials = MaterialPage.objects.live().public().child_of(self).order_by("title")
        context["materials"] = Paginator(materials, 20).get_page(request.GET.get("page"))
        return context


class MaterialPage(Page):
    """A training module (SOP "Penyiapan Bahan/Materi Diklat") under a class or in the library.

    Participants-only attachments are refused by the ``before_serve_document`` hook in
    ``courses.wagtail_hooks`` unless the reader takes part in the class or is staff.
    """

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        PARTICIPANTS = "participants_only", _("Participants only")

    description = RichTextField(_("description"), features=["bold", "italic", "link", "ol", "ul"])
    learning_objectives = models.TextField(_("learning objectives"), blank=True, help_text=_("One per line."))
    visibility = models.CharField(
        _("attachments visible to"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("learning_objectives"),
        FieldPanel("visibility"),
        InlinePanel("attachments", label=_("Attachment"), heading=_("Attachments")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("learning_objectives"),
        index.AutocompleteField("description"),
    ]
    parent_page_types = ["courses.CoursePage", "courses.MaterialIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")

    @property
    def is_restricted(self):
        return self.visibility == self.Visibility.PARTICIPANTS

    @property
    def objective_list(self):
        return text_lines(self.learning_objectives)

    def course(self):
        """The class this material belongs to, or ``None`` for a library material."""
        parent = self.get_parent()
        return parent.specific if parent and parent.specific_class is CoursePage else None

    def user_can_download(self, user):
        if not self.is_restricted:
            return True
        return is_course_participant(user, self.course())

    def get_workflow(self):
        """Materials always pass the review workflow of migration 0003 while it is active.

        Materials live under many classes, so the review is tied to the page type rather than
        to a subtree; Wagtail's default "Moderators approval" on the root (which classes and
        other pages keep) would skip the SOP's Ketua Tim Kerja and Kepala Bidang steps.
        """
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            workflow = Workflow.objects.filter(name=MATERIAL_WORKFLOW_NAME, active=True).first()
            if workflow is not None:
                return workflow
        return super().get_workflow()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.course()
        context["can_download"] = self.user_can_download(request.user)
        context["attachments"] = list(self.attachments.select_related("document").order_by("sort_order"))
        return context


class MaterialAttachment(Orderable):
    """A file of a material (slides, module, worksheet) kept as a Wagtail document."""

    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="material_attachments",
    )
    title = models.CharField(_("title"), max_length=255, blank=True, help_text=_("Defaults to the document title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title
