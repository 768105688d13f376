import copy
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.ratelimit import request_limited
from portal.storage import private_file_response
from procedures import services as procedure_services
from trainers import services
from trainers.forms import ProfileUpdateForm, RegistrationForm
from trainers.models import TrainerApplication, TrainerPage, TrainerProfileUpdate
from trainers.schedule import ics_calendar, page_for_token, rotate_calendar_key, trainer_schedule

ICS_PAST_DAYS = 30
ICS_FUTURE_DAYS = 365


def current_application(user):
    """The application the registration form works on: the open one, else a new draft."""
    application = TrainerApplication.objects.open_for(user).order_by("-created_at").first()
    return application or TrainerApplication(
        user=user, applicant_email=user.email, full_name=user.get_full_name()
    ).start(save=False)


@login_required
def register(request):
    if TrainerApplication.objects.filter(user=request.user, state="approved").exists():
        messages.info(request, _("You are already an approved trainer. Request profile changes from your account."))
        return redirect("accounts:member_area")
    application = current_application(request.user)
    if not application.is_editable:
        messages.info(request, _("Your registration is being reviewed; you can follow it here."))
        return redirect("trainers:application", pk=application.pk)
    if request.method == "POST":
        submitting = request.POST.get("action") == "submit"
        form = RegistrationForm(request.POST, request.FILES, instance=application, final=submitting)
        if request_limited(request, "trainer-registration", 60, 3600):
            form.is_valid()
            form.add_error(None, _("You have sent the form many times in a short time. Please try again later."))
        else:
            valid = form.is_valid()
            keep_uploads(application, form)
            if valid:
                form.save()
                if submitting:
                    try:
                        services.submit_application(application, request.user)
                    except procedure_services.TransitionError as error:
                        messages.error(request, str(error))
                        return redirect("trainers:register")
                    messages.success(
                        request,
                        _("Your registration has been received with tracking number %(number)s.")
                        % {"number": application.tracking_number},
                    )
                    return redirect("trainers:application", pk=application.pk)
                messages.success(request, _("Your draft has been saved. You can finish it later."))
                return redirect("trainers:register")
    else:
        form = RegistrationForm(instance=application)
    return render(request, "trainers/register.html", {"form": form, "application": application})


def keep_uploads(application, form):
    """Save every upload that passed its checks at once, so a form error never loses a file."""
    uploads = form.valid_uploads()
    if not (uploads["photo"] or uploads["cv"] or uploads["certificates"] or uploads["remove"]):
        return
    with transaction.atomic():
        if application.pk is None:
            application.save()
        if uploads["photo"]:
            services.store_photo(application, uploads["photo"])
        if uploads["cv"]:
            services.store_cv(application, uploads["cv"])
        fields = ["photo", "photo_name", "cv", "cv_name", "updated_at"]
        TrainerApplication.objects.filter(pk=application.pk).update(
            **{name: getattr(application, name) for name in fields[:-1]}, updated_at=timezone.now()
        )
        for uploaded in uploads["certificates"]:
            services.add_certificate(application, uploaded)
        services.remove_certificates(application, uploads["remove"])
    # The form's certificate choices must show what is stored now.
    choices = [(str(c.pk), c.original_name) for c in application.certificates.all()]
    if choices and "remove_certificates" not in form.fields:
        form.fields["remove_certificates"] = copy.deepcopy(RegistrationForm.base_fields["remove_certificates"])
    if choices:
        form.fields["remove_certificates"].choices = choices
    else:
        form.fields.pop("remove_certificates", None)


@login_required
def application_detail(request, pk):
    application = get_object_or_404(TrainerApplication, pk=pk, user=request.user)
    letters = [(letter, f"letter-{letter.pk}") for letter in application.letters().filter(revoked_at=None)]
    return render(
        request,
        "trainers/application_detail.html",
        {"application": application, "letters": letters, "certificates": application.certificates.all()},
    )


@login_required
def application_file(request, pk, key):
    application = get_object_or_404(TrainerApplication, pk=pk, user=request.user)
    fieldfile = application.get_applicant_file(key)
    if not fieldfile:
        raise Http404
    return private_file_response(fieldfile, inline=key == "photo")


@login_required
def request_update(request, page_pk):
    page = get_object_or_404(TrainerPage, pk=page_pk, user=request.user)
    pending = TrainerProfileUpdate.objects.filter(trainer_page=page, state="review").first()
    if pending:
        messages.info(
            request,
            _("Your previous update request %(number)s is still being reviewed.")
            % {"number": pending.tracking_number},
        )
        return redirect("accounts:member_area")
    update, expertise = services.start_profile_update(page, request.user)
    if request.method == "POST":
        form = ProfileUpdateForm(request.POST, request.FILES, instance=update)
        if request_limited(request, "trainer-update", 20, 3600):
            form.is_valid()
            form.add_error(None, _("You have sent many requests in a short time. Please try again later."))
        elif form.is_valid():
            with transaction.atomic():
                update = form.save(commit=False)
                if form.cleaned_data.get("photo_upload"):
                    services.store_photo(update, form.cleaned_data["photo_upload"])
                update.save()
                form.save_m2m()
                procedure_services.perform(update, "submit", request.user)
            messages.success(
                request,
                _("Your update request has been received with tracking number %(number)s.")
                % {"number": update.tracking_number},
            )
            return redirect("accounts:member_area")
    else:
        form = ProfileUpdateForm(instance=update, initial={"expertise": [c.pk for c in expertise]})
    return render(request, "trainers/profile_update.html", {"form": form, "page": page})


def schedule_ics(request, token):
    page = page_for_token(token)
    if page is None:
        raise Http404
    today = timezone.localdate()
    items = trainer_schedule(
        page, today - datetime.timedelta(days=ICS_PAST_DAYS), today + datetime.timedelta(days=ICS_FUTURE_DAYS)
    )
    body = ics_calendar(page, items, _("Teaching schedule: %(name)s") % {"name": page.full_name or page.title})
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="jadwal-narasumber.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@login_required
def rotate_calendar(request, page_pk):
    """The trainer (or staff who may edit the page) revokes the calendar link and gets a new one."""
    page = get_object_or_404(TrainerPage, pk=page_pk)
    may_edit = page.permissions_for_user(request.user).can_edit()
    if page.user_id != request.user.pk and not may_edit:
        raise Http404
    rotate_calendar_key(page)
    messages.success(request, _("The old calendar link no longer works. Use the new link below in your calendar app."))
    if page.user_id == request.user.pk:
        return redirect("accounts:member_area")
    return redirect("wagtailadmin_pages:edit", page.pk)
