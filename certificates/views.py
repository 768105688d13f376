import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from certificates import credentials
from certificates.credentials import check_upload
from certificates.forms import UploadVerifyForm, VerifyForm, normalise_code
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
    if request.method == "POST" and code is None:
        return verify_upload(request)
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
        {
            "form": form,
            "upload_form": UploadVerifyForm(),
            "code": code,
            "certificate": certificate,
            "limited": limited,
        },
        status=429 if limited else 200,
    )


@require_POST
def verify_upload(request):
    """The check of an uploaded credential (JSON, JWT, baked PNG) or signed PDF."""
    limited = request_limited(request, "certificate-verify-upload", VERIFY_LIMIT, 600)
    upload_form = UploadVerifyForm(request.POST, request.FILES)
    result = None
    if not limited and upload_form.is_valid():
        result = check_upload(upload_form.cleaned_data["document"].read())
    return render(
        request,
        "certificates/verify.html",
        {"form": VerifyForm(), "upload_form": upload_form, "upload": result, "limited": limited},
        status=429 if limited else 200,
    )


def _own_certificate(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment__participant", "template", "course"), pk=pk
    )
    if not can_download(request.user, certificate):
        raise Http404
    return certificate


@login_required
def credential_json(request, pk):
    """The holder's Open Badges 3.0 credential: the VC-JWT and the credential it secures."""
    certificate = _own_certificate(request, pk)
    token = credentials.credential_jwt(certificate)
    body = json.dumps({"jwt": token, "credential": credentials.credential(certificate)}, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{certificate.filename.rsplit(".", 1)[0]}-credential.json"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def badge_png(request, pk):
    """The badge image with the credential baked in."""
    certificate = _own_certificate(request, pk)
    response = HttpResponse(credentials.baked_png(certificate), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{certificate.filename.rsplit(".", 1)[0]}-badge.png"'
    response["Cache-Control"] = "private, no-store"
    return response


def credential_status(request, code):
    """The revocation status a credential's ``credentialStatus`` points to."""
    normalised = normalise_code(code)
    certificate = Certificate.objects.filter(verification_code=normalised).first() if normalised else None
    if certificate is None:
        return JsonResponse({"error": "not found"}, status=404)
    response = JsonResponse(
        {
            "id": request.build_absolute_uri(),
            "credential": certificate.get_verify_url(),
            "status": certificate.status,
            "revoked": certificate.revoked_at is not None,
            "revokedAt": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
        }
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


def issuer_profile(request):
    """The issuer (the office) as an Open Badges ``Profile``."""
    response = JsonResponse(credentials.issuer_profile(), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=3600"
    return response
