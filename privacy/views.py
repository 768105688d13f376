"""The person's rights in ``/saya/privasi/``: see and download my data, erase my account, consent."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from privacy import consent, erasure, export, log, retention
from privacy.models import ErasureRequest


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I understand that my account and personal data will be erased and that this cannot be undone."
        )
    )


class ConsentForm(forms.Form):
    agree = forms.BooleanField(label=gettext_lazy("I have read the privacy notice and agree to it."))


@login_required
def overview(request):
    user = request.user
    context = {
        "pending": ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first(),
        "erasure_form": ErasureForm(),
        "consent_form": ConsentForm(),
        "latest_consent": consent.latest(user),
        "notice_version": consent.current_version(),
        "holds": erasure.legal_holds(user),
    }
    return render(request, "privacy/overview.html", context)


@login_required
def download(request):
    """One ZIP: a readable JSON of everything held about me plus my uploads, letters and certificates."""
    content = export.build_zip(request.user)
    log.record(request.user, "export", _("Download of my own data"), [log.person(str(request.user), request.user)])
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="data-saya-{timezone.localdate():%Y%m%d}.zip"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def request_erasure(request):
    form = ErasureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please confirm that you want your account erased."))
        return redirect("privacy:overview")
    _request, created = erasure.request_erasure(request.user)
    if created:
        messages.success(
            request,
            _("Your erasure request was received. It is carried out once confirmed; you will get an email."),
        )
    return redirect("privacy:overview")


@login_required
def give_consent(request):
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consent.record(request.user, source="member_area")
        request.session.pop(consent.SESSION_KEY, None)
        messages.success(request, _("Thank you: your consent is recorded."))
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            target = reverse("accounts:member_area")
        return redirect(target)
    return render(
        request,
        "privacy/consent.html",
        {"form": form, "rows_context": {"rows": retention.policy_rows()}, "version": consent.current_version()},
    )


# --- The superuser's decision on an erasure request (admin) -----------------------------------


def decide_erasure(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_superuser:
        raise PermissionDenied
    item = get_object_or_404(ErasureRequest, pk=pk, status=ErasureRequest.Status.PENDING)
    if request.method == "POST":
        if request.POST.get("decision") == "refuse":
            item.status = ErasureRequest.Status.REFUSED
            item.decided_at = timezone.now()
            item.decided_by = request.user
            item.note = request.POST.get("note", "")[:2000]
            item.save()
            messages.success(request, _("The erasure request was refused."))
        else:
            erasure.carry_out(item, request.user, force=True)
            messages.success(request, _("The account was erased."))
        return redirect("privacy_erasure:index")
    return render(
        request,
        "privacy/admin/decide_erasure.html",
        {"item": item, "holds": erasure.legal_holds(item.user) if item.user else []},
    )
