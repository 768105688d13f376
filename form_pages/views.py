"""Public form pages, the staff-only download of uploaded files, and the formula-safe export."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListView

from form_pages import services
from form_pages.exports import formula_safe
from form_pages.models import FormUpload
from portal.links import base_url
from portal.ratelimit import request_limited
from portal.storage import private_file_response


def rate_limit():
    """(submissions, seconds) allowed per address and form for visitors who are not logged in."""
    return getattr(settings, "FORM_PAGES_RATE_LIMIT", (5, 600))


def serve_form(page, request):
    status = 200
    if request.method == "POST":
        form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
        if form.honeypot_filled:
            # Answer as if it worked: the robot learns nothing, and nothing is stored or sent.
            return redirect(page.url + page.reverse_subpage("sent"))
        limit, window = rate_limit()
        if not request.user.is_authenticated and request_limited(request, f"form-page-{page.pk}", limit, window):
            form.is_valid()
            form.add_error(None, _("Too many submissions from your connection. Please try again in a few minutes."))
            status = 429
        elif form.is_valid():
            services.submit(page, form, request.user)
            return redirect(page.url + page.reverse_subpage("sent"))
        if form.file_fields() and request.FILES:
            messages.warning(
                request, _("For your safety files are not kept when the form has errors: attach them again.")
            )
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


def upload_download(request, token):
    """Stream an uploaded file to staff who may read the submissions of its form, never to anyone else."""
    upload = get_object_or_404(FormUpload, token=token)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not get_forms_for_user(request.user).filter(pk=upload.page_id).exists():
        raise PermissionDenied
    return private_file_response(upload.file, filename=upload.original_name)


class SafeSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list with exports that cannot carry formulas, and links to uploaded files."""

    def preprocess_field_value(self, field, value, export_format):
        return formula_safe(super().preprocess_field_value(field, value, export_format))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        prefix = base_url() + "/formulir/berkas/"
        for row in context.get("data_rows", []):
            row["fields"] = [
                format_html('<a href="{}">{}</a>', cell, _("Download file"))
                if isinstance(cell, str) and cell.startswith(prefix)
                else cell
                for cell in row["fields"]
            ]
        return context


def archive_download(request, pk):
    """A retention archive, for staff who may read that form's submissions."""
    from form_pages.models import SubmissionArchive

    archive = get_object_or_404(SubmissionArchive, pk=pk)
    if not get_forms_for_user(request.user).filter(pk=archive.page_id).exists():
        raise PermissionDenied
    return private_file_response(archive.file, filename=f"arsip-formulir-{archive.page_id}-{archive.pk}.csv")
