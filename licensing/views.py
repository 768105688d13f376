from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from licensing import services
from licensing.forms import DocumentsForm, InstitutionForm
from licensing.models import Licence, LicenceApplication, RequirementItem
from portal.ratelimit import request_limited
from portal.storage import private_file_response
from procedures.services import TransitionError


def _own(request, pk):
    return get_object_or_404(LicenceApplication.objects.select_related("user"), pk=pk, user=request.user)


@login_required
def index(request):
    applications = LicenceApplication.objects.filter(user=request.user).select_related("licence")
    return render(
        request,
        "licensing/index.html",
        {"applications": applications, "requirements": RequirementItem.objects.active()},
    )


@login_required
@require_POST
def start(request):
    if request_limited(request, "licence-start", 20, 3600):
        messages.error(request, _("You have started many applications in a short time. Please try again later."))
        return redirect("licensing:index")
    draft = services.start_draft(request.user)
    return redirect("licensing:edit", pk=draft.pk)


@login_required
def edit(request, pk):
    """Fill the institution data and upload the checklist documents; save as draft or submit.

    In correction only the refused items can be replaced; the institution data stays as verified.
    """
    application = _own(request, pk)
    if not application.is_editable_by_applicant:
        return redirect("licensing:detail", pk=application.pk)
    correcting = application.state == "correction"
    items = [doc.item for doc in services.refused_documents(application)] if correcting else None
    submitting = request.POST.get("action") == "submit"
    if request.method == "POST":
        institution_form = (
            None if correcting else InstitutionForm(request.POST, instance=application, submitting=submitting)
        )
        documents_form = DocumentsForm(request.POST, request.FILES, application=application, items=items)
        institution_ok = institution_form is None or institution_form.is_valid()
        documents_ok = documents_form.is_valid()
        # Valid uploads are kept at once, whatever else is wrong with the form.
        with transaction.atomic():
            for item, uploaded, content_type in documents_form.valid_uploads():
                services.store_upload(application, item, uploaded, content_type)
            if institution_form is not None and institution_ok:
                institution_form.save()
        documents_form.refresh()
        if institution_ok and documents_ok:
            if not submitting:
                messages.success(request, _("Your draft has been saved."))
                return redirect("licensing:edit", pk=application.pk)
            try:
                services.submit(application, request.user, expected_version=application.version)
            except ValidationError as error:
                for message in error.messages:
                    documents_form.add_error(None, message)
            except TransitionError as error:
                messages.error(request, str(error))
                return redirect("licensing:detail", pk=application.pk)
            else:
                messages.success(
                    request,
                    _("Your application has been submitted with tracking number %(number)s.")
                    % {"number": application.tracking_number},
                )
                return redirect("licensing:detail", pk=application.pk)
    else:
        institution_form = None if correcting else InstitutionForm(instance=application)
        documents_form = DocumentsForm(application=application, items=items)
    return render(
        request,
        "licensing/edit.html",
        {
            "application": application,
            "institution_form": institution_form,
            "documents_form": documents_form,
            "correcting": correcting,
            "refused": services.refused_documents(application) if correcting else [],
        },
    )


@login_required
def detail(request, pk):
    application = _own(request, pk)
    documents = application.documents.select_related("item")
    letters = [(letter, f"letter-{letter.pk}") for letter in application.letters().filter(revoked_at=None)]
    return render(
        request,
        "licensing/detail.html",
        {
            "application": application,
            "documents": documents,
            "letters": letters,
            "licence": getattr(application, "licence", None),
        },
    )


@login_required
def download(request, pk, key):
    """The applicant's own files: uploads and the letters addressed to them (never inspection photos)."""
    application = _own(request, pk)
    if key.startswith("photo-"):
        raise Http404
    fieldfile = application.get_applicant_file(key)
    if not fieldfile:
        raise Http404
    if key.startswith("letter-") and application.state == "issued":
        services.mark_received(application)
    return private_file_response(fieldfile)


def register(request):
    """Public register of licensed course providers: valid licences only."""
    query = request.GET.get("q", "").strip()[:100]
    licences = Licence.objects.valid().search(query).order_by("institution_name")
    page = Paginator(licences, 20).get_page(request.GET.get("page"))
    return render(request, "licensing/register.html", {"page": page, "query": query})
