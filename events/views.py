"""The regions' nomination page: opened through the personal link in the invitation, on a phone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from events import services
from events.forms import CandidateForm, SheetForm
from events.models import Candidate, InvitedRegion


def region_for(token):
    region = InvitedRegion.objects.select_related("training").filter(token=token).first()
    if region is None or region.training.state in ("draft", "cancelled") or region.training.tracking_number is None:
        raise Http404
    return region


@never_cache
def nominate(request, token):
    region = region_for(token)
    services.record_receipt(region)
    form, sheet_form, sheet_errors = CandidateForm(), SheetForm(), []
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "add":
                form = CandidateForm(request.POST)
                if form.is_valid():
                    services.nominate(region, form.cleaned_data)
                    messages.success(request, _("The candidate has been added."))
                    return redirect(request.path)
            elif action == "upload":
                sheet_form = SheetForm(request.POST, request.FILES)
                if sheet_form.is_valid():
                    result = services.import_sheet(region, sheet_form.cleaned_data["sheet"])
                    if result.errors:
                        sheet_errors = result.errors
                        messages.error(request, _("Nothing was imported: correct the rows below and upload again."))
                    else:
                        messages.success(request, _("%(count)s candidates imported.") % {"count": len(result.created)})
                        return redirect(request.path)
            elif action == "withdraw":
                try:
                    services.withdraw_candidate(region, int(request.POST.get("candidate", "0")))
                except (Candidate.DoesNotExist, ValueError):
                    raise Http404
                messages.success(request, _("The candidate has been withdrawn."))
                return redirect(request.path)
        except ValidationError as error:
            target = sheet_form if action == "upload" else form
            for message in error.messages:
                target.add_error(None, message)
    region.refresh_from_db()
    candidates = list(region.active_candidates())
    return render(
        request,
        "events/nominate.html",
        {
            "region": region,
            "training": region.training,
            "candidates": candidates,
            "form": form,
            "sheet_form": sheet_form,
            "sheet_errors": sheet_errors,
            "is_open": region.training.nominations_open(),
            "seats_left": max(region.quota - len(candidates), 0),
        },
    )
