"""The participant's pages (SOP 000 steps 1 and 3): enrol, my class, withdraw, correct, tests, check-in, claim."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.models import CoursePage, CourseSession, MaterialPage
from enrolment import assessment, attendance, claims, services
from enrolment.forms import (
    EnrolForm,
    ParticipantForm,
    TakeTestForm,
)
from enrolment.models import Enrolment, TestResult
from portal.ratelimit import request_limited
from portal.storage import private_file_response
from privacy import log as privacy_log
from procedures import services as core

#: Profile saves per client an hour (a NIK must not be tried out in bulk).
PROFILE_LIMIT = 10


def _open_course(course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not CoursePage.objects.filter(pk=course_id).public().exists():
        raise Http404
    return course


@login_required
def enrol(request, course_id):
    """SOP step 1 online: the profile (prefilled when known) and the class in one form."""
    course = _open_course(course_id)
    participant = services.participant_for(request.user)
    if participant is not None:
        existing = Enrolment.objects.active().filter(participant=participant, course=course).first()
        if existing is not None:
            messages.info(request, _("You are already registered for this class."))
            return redirect("enrolment:detail", pk=existing.pk)
    if not course.accepts_registrations:
        messages.error(request, _("Registration for this class is not open."))
        return redirect(course.url)
    user = request.user
    initial = {} if participant else {"full_name": user.get_full_name(), "email": user.email, "phone": user.phone}
    form = EnrolForm(request.POST or None, instance=participant, initial=initial, user=user)
    if request.method == "POST":
        if request_limited(request, "enrolment-enrol", 20, 3600):
            form.add_error(None, _("Too many registrations in a short time. Please try again later."))
        elif form.is_valid():
            participant = services.save_profile(form, user=user)
            try:
                enrolment, created = services.enrol(
                    participant, course, user, motivation=form.cleaned_data.get("motivation", "")
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(course.url)
            if created:
                messages.success(
                    request,
                    _("Your registration has been received with number %(number)s. The admin officer will verify it.")
                    % {"number": enrolment.tracking_number},
                )
            return redirect("enrolment:detail", pk=enrolment.pk)
    return render(request, "enrolment/enrol.html", {"form": form, "course": course, "participant": participant})


@login_required
def profile(request):
    participant = services.participant_for(request.user)
    if participant is None:
        raise Http404
    form = ParticipantForm(request.POST or None, instance=participant)
    if request.method == "POST" and request_limited(request, "enrolment-profile", PROFILE_LIMIT, 3600):
        form.add_error(None, _("Too many changes in a short time. Please try again later."))
    elif request.method == "POST" and form.is_valid():
        changed = form.changed_data
        services.save_profile(form)
        if changed:
            # UU PDP: a correction is recorded (which fields, not their values).
            privacy_log.record(
                request.user,
                "change",
                _("Participant profile corrected: %s") % ", ".join(changed),
                [privacy_log.person(participant.full_name, request.user)],
            )
        messages.success(request, _("Your participant profile has been saved."))
        return redirect("accounts:member_area")
    return render(request, "enrolment/profile.html", {"form": form})


def _my_enrolment(request, pk):
    return get_object_or_404(
        Enrolment.objects.select_related("participant", "course"), pk=pk, participant__user=request.user
    )


@login_required
def detail(request, pk):
    enrolment = _my_enrolment(request, pk)
    course = enrolment.course
    participating = enrolment.state in ("accepted", "attending", "evaluation", "completed")
    materials = []
    if participating:
        materials = list(MaterialPage.objects.live().child_of(course).order_by("path"))
    pre, post = enrolment.test_scores
    attended = {a.session_id: a for a in enrolment.attendances.all()}
    context = {
        "enrolment": enrolment,
        "course": course,
        "participating": participating,
        "materials": materials,
        "agenda": [(s, attended.get(s.pk)) for s in course.agenda],
        "tests": assessment.available_tests(enrolment),
        "pre": pre,
        "post": post,
        "may_withdraw": enrolment.may_withdraw(),
        "may_resubmit": enrolment.state == "correction",
        "public_notes": [e for e in enrolment.events() if e.public_note and e.note],
    }
    return render(request, "enrolment/detail.html", context)


@login_required
def withdraw(request, pk):
    enrolment = _my_enrolment(request, pk)
    if not enrolment.may_withdraw():
        messages.error(request, _("You can no longer withdraw from this class."))
        return redirect("enrolment:detail", pk=pk)
    if request.method == "POST":
        try:
            services.withdraw(enrolment, request.user)
        except core.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("You have withdrawn from the class."))
        return redirect("enrolment:detail", pk=pk)
    return render(request, "enrolment/withdraw.html", {"enrolment": enrolment})


@login_required
def resubmit(request, pk):
    """Back from "correction": the participant fixes the profile and sends it again."""
    enrolment = _my_enrolment(request, pk)
    if enrolment.state != "correction":
        raise Http404
    form = ParticipantForm(request.POST or None, instance=enrolment.participant)
    if request.method == "POST" and form.is_valid():
        services.save_profile(form)
        try:
            core.perform(enrolment, "resubmit", request.user)
        except core.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your corrected registration has been sent."))
        return redirect("enrolment:detail", pk=pk)
    notes = [e for e in enrolment.events() if e.public_note and e.note]
    return render(request, "enrolment/resubmit.html", {"form": form, "enrolment": enrolment, "notes": notes})


@login_required
def take_test(request, pk, kind):
    enrolment = _my_enrolment(request, pk)
    if kind not in TestResult.Kind.values:
        raise Http404
    label = TestResult.Kind(kind).label
    done = enrolment.test_results.filter(kind=kind).first()
    if done is not None:
        return render(request, "enrolment/test_done.html", {"enrolment": enrolment, "result": done, "label": label})
    session = assessment.test_session(enrolment.course, kind)
    if session is None or enrolment.state not in assessment.TAKING_STATES:
        messages.error(request, _("The test can only be taken during its slot in the agenda."))
        return redirect("enrolment:detail", pk=pk)
    questions = assessment.questions_for(enrolment.course)
    form = TakeTestForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            result = assessment.submit_test(enrolment, kind, form.answers())
        except assessment.TestNotAvailable as error:
            messages.error(request, str(error))
            return redirect("enrolment:detail", pk=pk)
        messages.success(request, _("Your %(test)s score: %(score)s.") % {"test": label, "score": result.score})
        return redirect("enrolment:take_test", pk=pk, kind=kind)
    return render(
        request, "enrolment/take_test.html", {"enrolment": enrolment, "form": form, "label": label, "session": session}
    )


@login_required
def work_photo(request, pk):
    enrolment = _my_enrolment(request, pk)
    if not enrolment.work_photo:
        raise Http404
    return private_file_response(enrolment.work_photo, inline=True)


@login_required
def check_in(request, session_id, code):
    """The link in the instructor's QR: one tap to confirm (a GET never changes anything)."""
    session = get_object_or_404(CourseSession.objects.select_related("page"), pk=session_id)
    error = None
    record = None
    if request.method == "POST":
        if request_limited(request, "enrolment-checkin", 30, 600):
            error = _("Too many attempts. Please wait a few minutes.")
        else:
            try:
                record = attendance.check_in(request.user, session, code)
            except attendance.CheckInRefused as refused:
                error = str(refused)
    elif not attendance.checkin_open(session):
        error = _("Check-in for this session is closed: it only works while the session runs.")
    elif not attendance.code_is_fresh(session, code):
        error = _("This check-in code has expired. Scan the QR code on the instructor's screen again.")
    status = 400 if error and request.method == "POST" else 200
    return render(
        request,
        "enrolment/check_in.html",
        {"session": session, "course": session.page, "code": code, "error": error, "record": record},
        status=status,
    )


@login_required
def claim(request, token):
    try:
        participant = claims.participant_for_token(token)
    except claims.ClaimError as error:
        return render(request, "enrolment/claim.html", {"error": str(error)}, status=400)
    if request.method == "POST":
        try:
            claims.claim(participant, request.user)
        except claims.ClaimError as error:
            return render(
                request, "enrolment/claim.html", {"error": str(error), "participant": participant}, status=400
            )
        messages.success(request, _("The participant profile is now linked to your account."))
        return redirect("accounts:member_area")
    return render(request, "enrolment/claim.html", {"participant": participant})
