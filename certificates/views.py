from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from certificates.forms import VerifyForm, normalise_code
from certificates.models import Certificate
from certificates.services import ensure_pdf
from portal.ratelimit import request_limited
from portal.storage import private_file_response

VERIFY_LIMIT = 30  # per client per 10 minutes: plenty for people, useless for guessing 78-bit codes


def can_download(user, certificate):
    if user.has_perm("certificates.view_certificate"):
        return True
    participant = certificate.enrolment.participant
    return certificate.is_valid and participant.user_id is not None and participant.user_id == user.pk


@login_required
def download(request, pk):
    certificate = get_object_or_404(Certificate.objects.select_related("enrolment__participant", "template"), pk=pk)
    if not can_download(request.user, certificate):
        raise Http404
    ensure_pdf(certificate)
    return private_file_response(certificate.pdf, filename=certificate.filename)


@never_cache
def verify(request, code=None):
    """The public check of a certificate (the QR target). Unknown codes get the same page, status 200."""
    form = VerifyForm(request.GET or None)
    if code is None and form.is_bound and form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    certificate = None
    limited = False
    if code is not None:
        if request_limited(request, "certificate-verify", VERIFY_LIMIT, 600):
            limited = True
        else:
            normalised = normalise_code(code)
            if normalised is not None:
                certificate = (
                    Certificate.objects.select_related("replacement").filter(verification_code=normalised).first()
                )
    return render(
        request,
        "certificates/verify.html",
        {"form": form, "code": code, "certificate": certificate, "limited": limited},
        status=429 if limited else 200,
    )
