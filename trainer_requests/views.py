from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.ratelimit import request_limited
from portal.storage import private_file_response

from . import services
from .forms import TrainerAnswerForm, TrainerRequestForm, live_trainers
from .models import TrainerAssignment, TrainerRequest

SUBMIT_LIMIT = 5  # requests per address per hour
ATTEMPT_LIMIT = 20  # posts per address per hour, valid or not: uploads are only read within this budget
SENT_SESSION_KEY = "trainer_request_sent"


@never_cache
def request_form(request):
    if request.method == "POST":
        if request_limited(request, "trainer-request-post", ATTEMPT_LIMIT, 3600):
            # Over the budget: the uploaded file is neither validated nor stored.
            form = TrainerRequestForm(request.POST)
            form.add_error(None, _("Many requests were sent from your connection. Please try again in an hour."))
            return render(request, "trainer_requests/request_form.html", {"form": form}, status=429)
        form = TrainerRequestForm(request.POST, request.FILES)
        if form.honeypot_filled:
            # Looks like a bot: act as if it worked, keep nothing.
            return redirect("trainer_requests:sent")
        limited = False
        if form.is_valid():
            if request_limited(request, "trainer-request-submit", SUBMIT_LIMIT, 3600):
                limited = True
                form.add_error(None, _("Many requests were sent from your connection. Please try again in an hour."))
            else:
                # The only place a file of this public form is stored: a valid, rate-limited request.
                trainer_request = services.submit_request(form)
                request.session[SENT_SESSION_KEY] = trainer_request.applicant_email
                return redirect("trainer_requests:sent")
        form.letter_not_kept()
        return render(request, "trainer_requests/request_form.html", {"form": form}, status=429 if limited else 200)
    initial = {}
    wanted = request.GET.get("narasumber", "")
    if wanted.isdigit():
        trainer = live_trainers().filter(pk=int(wanted)).first()
        if trainer is not None:
            initial["preferred_trainer"] = trainer.pk
            if trainer.expertise.count() == 1:
                initial["category"] = trainer.expertise.get().pk
    return render(request, "trainer_requests/request_form.html", {"form": TrainerRequestForm(initial=initial)})


@never_cache
def sent(request):
    return render(request, "trainer_requests/sent.html", {"email": request.session.get(SENT_SESSION_KEY, "")})


@never_cache
def confirm(request, token):
    try:
        trainer_request = services.request_for_token(token)
    except services.ConfirmationInvalid as error:
        return render(request, "trainer_requests/confirm_invalid.html", {"message": str(error)}, status=400)
    if trainer_request.state != "unconfirmed":
        return redirect(services.case_url(trainer_request))
    if request.method != "POST":
        # Mail scanners open links: a GET only shows the button, the POST confirms.
        return render(request, "trainer_requests/confirm.html", {"trainer_request": trainer_request})
    services.confirm_email(trainer_request)
    messages.success(request, _("Thank you: your email address is confirmed and the request is with the office."))
    return redirect(services.case_url(trainer_request))


def _case_or_404(number, token):
    trainer_request = TrainerRequest.objects.filter(tracking_number=(number or "").upper()).first()
    if trainer_request is None or not constant_time_compare(trainer_request.access_token, token or ""):
        raise Http404
    return trainer_request


@never_cache
def case(request, number, token):
    if request_limited(request, "trainer-request-case", 120, 600):
        return render(
            request, "trainer_requests/confirm_invalid.html", {"message": _("Too many attempts.")}, status=429
        )
    trainer_request = _case_or_404(number, token)
    letters = [
        letter
        for letter in trainer_request.letters().filter(revoked_at__isnull=True)
        if letter.kind.startswith("trainer_request_")
    ]
    return render(
        request,
        "trainer_requests/case.html",
        {
            "trainer_request": trainer_request,
            "letters": letters,
            "trainers": trainer_request.active_assignments() if trainer_request.state != "refused" else [],
        },
    )


@never_cache
def case_letter(request, number, token, letter_pk):
    trainer_request = _case_or_404(number, token)
    letter = get_object_or_404(
        trainer_request.letters().filter(revoked_at__isnull=True, kind__startswith="trainer_request_"), pk=letter_pk
    )
    return private_file_response(letter.pdf, filename=f"{letter.kind}-{letter.pk}.pdf")


def _my_assignment(request, pk):
    return get_object_or_404(
        TrainerAssignment.objects.select_related("request", "trainer", "letter"), pk=pk, trainer__user=request.user
    )


@login_required
def assignment(request, pk):
    item = _my_assignment(request, pk)
    can_answer = item.status == TrainerAssignment.Status.ASSIGNED and item.request.state == "trainer_confirmation"
    form = None
    if can_answer:
        form = TrainerAnswerForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.answer_assignment(
                    item, request.user, form.cleaned_data["answer"], form.cleaned_data["reason"]
                )
            except services.AnswerNotPossible as error:
                messages.error(request, str(error))
            except services.services.TransitionConflict as error:
                messages.error(request, str(error))
            else:
                if form.cleaned_data["answer"] == "confirm":
                    messages.success(request, _("Thank you: your attendance is confirmed."))
                else:
                    messages.success(request, _("Your answer is recorded: the office will choose another trainer."))
            return redirect("trainer_requests:assignment", pk=item.pk)
    elif request.method == "POST":
        messages.error(request, _("This assignment cannot be answered any more."))
        return redirect("trainer_requests:assignment", pk=item.pk)
    return render(
        request,
        "trainer_requests/assignment.html",
        {"assignment": item, "trainer_request": item.request, "form": form},
    )


@login_required
def assignment_letter(request, pk):
    item = _my_assignment(request, pk)
    if item.letter is None or item.letter.revoked_at:
        raise Http404
    return private_file_response(item.letter.pdf, filename=f"surat-tugas-{item.letter.pk}.pdf")
