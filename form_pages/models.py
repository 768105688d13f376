"""Form pages the communications staff build themselves (contact, short surveys, interest lists).

Built on Wagtail's form builder with three additions the office needs: a file-upload field
whose files pass the same content checks as the flows (``portal.uploads``) and live in
private storage, spam protection on anonymous forms (a honeypot field and a rate limit per
address), and retention: after ``retention_days`` the ``apply_form_retention`` command
archives or deletes old submissions. The submitter gets a fixed confirmation text, never an
echo of what they typed, so the form cannot relay someone's text to an unconfirmed address.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from form_pages.forms import FILE_FIELD, PortalFormBuilder
from portal.links import base_url
from portal.storage import private_storage
from portal.uploads import random_name

FIELD_CHOICES = FORM_FIELD_CHOICES + ((FILE_FIELD, _("File upload")),)


def default_retention_days():
    return getattr(settings, "FORM_PAGES_RETENTION_DAYS", 365)


class FormField(AbstractFormField):
    """One field of an editor-built form; adds the private file upload to Wagtail's field types."""

    page = ParentalKey("form_pages.FormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=FIELD_CHOICES)


class FormPage(RoutablePageMixin, AbstractEmailForm):
    """A form an editor composes from fields; submissions are listed and exported under *Forms*."""

    class Retention(models.TextChoices):
        ARCHIVE = "archive", _("Archive (move to a private archive file, then remove)")
        DELETE = "delete", _("Delete")

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"], help_text=_("Shown after sending.")
    )
    confirmation_text = models.TextField(
        _("confirmation email text"),
        blank=True,
        help_text=_(
            "Sent to the address given in the form's email field. For safety the email never repeats "
            "what the visitor typed; leave empty to send no confirmation."
        ),
    )
    retention_days = models.PositiveIntegerField(_("keep submissions for (days)"), default=default_retention_days)
    retention_action = models.CharField(
        _("after that"), max_length=10, choices=Retention.choices, default=Retention.ARCHIVE
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        FieldPanel("confirmation_text"),
        MultiFieldPanel(
            [
                # Who receives every submission matters for privacy: superusers only.
                FieldRowPanel(
                    [
                        FieldPanel("from_address", permission="superuser"),
                        FieldPanel("to_address", permission="superuser"),
                    ]
                ),
                FieldPanel("subject"),
            ],
            heading=_("Email to the office"),
        ),
        FieldRowPanel([FieldPanel("retention_days"), FieldPanel("retention_action")], heading=_("Retention")),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("introduction")]
    subpage_types = []

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    # --- Wagtail form builder hooks ---------------------------------------------------
    form_builder = PortalFormBuilder

    def get_submission_class(self):
        return FormPageSubmission

    def get_submissions_list_view_class(self):
        from form_pages.views import SafeSubmissionsListView

        return SafeSubmissionsListView

    def file_field_names(self):
        return [field.clean_name for field in self.get_form_fields() if field.field_type == FILE_FIELD]

    def email_field_name(self):
        return next((field.clean_name for field in self.get_form_fields() if field.field_type == "email"), None)

    @path("")
    def form_view(self, request):
        from form_pages.views import serve_form

        return serve_form(self, request)

    @path("terkirim/", name="sent")
    def sent_view(self, request):
        return self.render(request, template=self.get_landing_page_template(request))

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.render(request, template=self.get_landing_page_template(request))
        return super().serve_preview(request, mode_name)

    def process_form_submission(self, form):  # pragma: no cover - the portal saves through services.submit
        raise NotImplementedError("Use form_pages.services.submit")


class FormPageSubmission(AbstractFormSubmission):
    """A submission of a ``FormPage``; its files are ``FormUpload`` rows in private storage."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        indexes = [models.Index(fields=["page", "submit_time"])]

    def delete(self, *args, **kwargs):
        for upload in self.uploads.all():
            upload.delete()
        return super().delete(*args, **kwargs)


class FormUpload(models.Model):
    """A file sent through a form: checked like every upload, stored privately, served to staff only."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(
        FormPageSubmission, null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    field_name = models.CharField(max_length=255)
    file = models.FileField(storage=private_storage, upload_to=random_name, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("form_pages:upload", args=[self.token])

    @property
    def full_url(self):
        return base_url() + self.get_absolute_url()

    def delete(self, *args, **kwargs):
        if self.file:
            self.file.delete(save=False)
        return super().delete(*args, **kwargs)


class SubmissionArchive(models.Model):
    """Submissions moved out of the live table by the retention rule, kept as a private CSV file."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("form page"), on_delete=models.CASCADE)
    created_at = models.DateTimeField(_("archived"), auto_now_add=True)
    submission_count = models.PositiveIntegerField(_("submissions"))
    oldest = models.DateTimeField(_("oldest submission"))
    newest = models.DateTimeField(_("newest submission"))
    file = models.FileField(storage=private_storage, upload_to="form-archives/%Y/", max_length=255)

    class Meta:
        verbose_name = _("submission archive")
        verbose_name_plural = _("submission archives")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page} · {self.created_at:%d-%m-%Y}"

    def download_link(self):
        from django.utils.html import format_html

        url = reverse("form_pages_admin_archive", args=[self.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the CSV file"))

    download_link.short_description = _("file")
