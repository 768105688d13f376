from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.ratelimit import request_limited
from procedures import registry
from procedures.forms import LetterLookupForm, StatusLookupForm
from procedures.models import Letter
from procedures.timeline import build_timeline

LOOKUP_LIMIT = 30  # per client per 10 minutes: enough for people, too few for guessing tokens


def find_case(number, token):
    prefix = (number or "").split("-", 1)[0].upper()
    procedure = registry.by_prefix(prefix)
    if procedure is None or procedure.model is None:
        return None
    case = procedure.model.objects.filter(tracking_number=number.upper()).first()
    if case is None or not constant_time_compare(case.access_token, token or ""):
        return None
    return case


@never_cache
def lookup(request):
    form = StatusLookupForm(request.GET or None)
    not_found = False
    if form.is_bound and form.is_valid():
        if request_limited(request, "status-lookup", LOOKUP_LIMIT, 600):
            return render(request, "procedures/status_lookup.html", {"form": form, "limited": True}, status=429)
        case = find_case(form.cleaned_data["number"], form.cleaned_data["token"])
        if case is not None:
            return redirect(case.get_status_url())
        not_found = True
    return render(request, "procedures/status_lookup.html", {"form": form, "not_found": not_found})


@never_cache
def detail(request, number, token):
    if request_limited(request, "status-detail", LOOKUP_LIMIT * 4, 600):
        return render(
            request, "procedures/status_lookup.html", {"form": StatusLookupForm(), "limited": True}, status=429
        )
    case = find_case(number, token)
    if case is None:
        raise Http404(_("No application matches this tracking number and access code."))
    return render(
        request,
        "procedures/status_detail.html",
        {
            "case": case,
            "timeline": build_timeline(case, public=True),
            "letters": case.letters().filter(revoked_at__isnull=True),
        },
    )


@never_cache
def verify_letter(request, code=None):
    form = LetterLookupForm(request.GET or None)
    if code is None and form.is_bound and form.is_valid():
        return redirect("procedures:verify_letter", code=form.cleaned_data["code"].strip().upper())
    letter = None
    limited = False
    if code:
        if request_limited(request, "letter-verify", LOOKUP_LIMIT, 600):
            limited = True
        else:
            letter = Letter.objects.filter(verification_code=code.strip().upper()).first()
    return render(
        request,
        "procedures/letter_verify.html",
        {"form": form, "code": code, "letter": letter, "limited": limited},
        status=429 if limited else 200,
    )
