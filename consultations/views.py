from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from consultations.forms import ConsultationForm
from consultations.models import Consultation
from consultations.services import submit_consultation
from portal.ratelimit import request_limited
from portal.storage import private_file_response


@login_required
def ask(request):
    user = request.user
    if request.method == "POST":
        form = ConsultationForm(request.POST, request.FILES)
        if request_limited(request, "consultation-submit", 10, 3600):
            form.add_error(None, _("You have sent many questions in a short time. Please try again later."))
        elif form.is_valid():
            consultation = submit_consultation(form, user)
            messages.success(
                request,
                _("Your question has been received with tracking number %(number)s.")
                % {"number": consultation.tracking_number},
            )
            return redirect("consultations:detail", pk=consultation.pk)
    else:
        form = ConsultationForm(
            initial={"applicant_name": user.get_full_name(), "applicant_email": user.email, "phone": user.phone}
        )
    return render(request, "consultations/ask.html", {"form": form})


@login_required
def detail(request, pk):
    consultation = get_object_or_404(Consultation, pk=pk, user=request.user)
    letters = [(letter, f"letter-{letter.pk}") for letter in consultation.letters().filter(revoked_at=None)]
    return render(request, "consultations/detail.html", {"consultation": consultation, "letters": letters})


@login_required
def download(request, pk, key):
    consultation = get_object_or_404(Consultation, pk=pk, user=request.user)
    return private_file_response(consultation.get_applicant_file(key))
