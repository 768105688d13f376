"""The staff's class-day screens (SOP 000 steps 2–4, SOP 002): the class list, roll call and the rotating
check-in QR, exports, paper test scores and walk-in registration."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles
from courses.models import CoursePage, CourseSession
from enrolment import access, assessment, attendance, claims, exports, services
from enrolment.forms import (
    RollCallForm,
    ScoreEntryForm,
    ScoreImportForm,
    WalkInForm,
)
from enrolment.models import Attendance, Enrolment, Participant
from portal.nexturl import safe_next
from privacy import log as privacy_log

DELIVERY_ROLES = (roles.ADMIN_OFFICER, roles.INSTRUCTOR)


def staff_required(*role_names):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not roles.has_role(request.user, *role_names):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _course(course_id, user):
    """The class, if the user works it (its instructors, the Petugas Administrasi); else 404."""
    course = get_object_or_404(CoursePage, pk=course_id)
    access.check_class(user, course.pk)
    return course


def _session(course, session_id):
    return get_object_or_404(CourseSession, pk=session_id, page_id=course.pk)


@staff_required(*DELIVERY_ROLES)
def staff_index(request):
    today = timezone.localdate()
    courses = access.classes_filter(CoursePage.objects.live(), request.user)
    courses = courses.select_related("seat_count").order_by("start_date")
    groups = [
        (_("Running"), list(courses.running(today))),
        (_("Upcoming"), list(courses.upcoming(today))),
        (_("Finished"), list(courses.finished(today).order_by("-end_date")[:20])),
    ]
    return render(request, "enrolment/staff/index.html", {"groups": groups})


@staff_required(*DELIVERY_ROLES)
def staff_course(request, course_id):
    course = _course(course_id, request.user)
    rows = exports.class_rows(course)
    sessions = attendance.countable_sessions(course)
    context = {
        "course": course,
        "rows": rows,
        "sessions": sessions,
        "averages": assessment.class_averages(course),
        "inspect_url_name": "enrolments:inspect",
        "now": timezone.now(),
        "can_register": roles.has_role(request.user, roles.ADMIN_OFFICER),
        "can_export_full": privacy_log.may_export_full(request.user),
    }
    return render(request, "enrolment/staff/course.html", context)


@require_POST
@staff_required(*DELIVERY_ROLES)
def staff_start(request, course_id):
    course = _course(course_id, request.user)
    count = services.start_class(course, request.user)
    messages.success(request, _("%(count)d participants are now taking part in the class.") % {"count": count})
    return redirect("enrolment:staff_course", course_id=course.pk)


@staff_required(*DELIVERY_ROLES)
def staff_open_evaluation(request, course_id):
    """SOP step 4 for the whole class: only once the class has ended, and only after confirming."""
    course = _course(course_id, request.user)
    if not services.class_has_ended(course):
        ends_at = services.class_ends_at(course)
        messages.error(
            request,
            _("The class has not ended yet (its last session ends %(end)s): the evaluation opens after it.")
            % {"end": date_format(timezone.localtime(ends_at), "j F Y, H.i") if ends_at else "—"},
        )
        return redirect("enrolment:staff_course", course_id=course.pk)
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        waiting = Enrolment.objects.filter(course_id=course.pk, state__in=["accepted", "attending"]).count()
        return render(request, "enrolment/staff/open_evaluation.html", {"course": course, "waiting": waiting})
    count = services.open_evaluation(course, request.user)
    messages.success(request, _("%(count)d participants are waiting for the evaluation.") % {"count": count})
    return redirect("enrolment:staff_course", course_id=course.pk)


@staff_required(*DELIVERY_ROLES)
def roll_call(request, course_id, session_id):
    course = _course(course_id, request.user)
    session = _session(course, session_id)
    enrolments = attendance.roll_call_enrolments(course)
    records = {a.enrolment_id: a for a in Attendance.objects.filter(session=session)}
    form = RollCallForm(request.POST or None, enrolments=enrolments, records=records)
    if request.method == "POST" and form.is_valid():
        saved = attendance.save_roll_call(session, form.statuses(), request.user)
        messages.success(request, _("Attendance saved for %(count)d participants.") % {"count": saved})
        return redirect("enrolment:roll_call", course_id=course.pk, session_id=session.pk)
    sessions = attendance.countable_sessions(course)
    return render(
        request,
        "enrolment/staff/roll_call.html",
        {
            "course": course,
            "session": session,
            "form": form,
            "records": records,
            "sessions": sessions,
            "checkin_open": attendance.checkin_open(session),
        },
    )


@staff_required(*DELIVERY_ROLES)
def session_qr(request, course_id, session_id):
    """The instructor's screen: a QR that changes every minute (the page reloads itself, no JS needed)."""
    import segno

    course = _course(course_id, request.user)
    session = _session(course, session_id)
    now = timezone.now()
    is_open = attendance.checkin_open(session, now)
    context = {"course": course, "session": session, "open": is_open}
    if is_open:
        url = request.build_absolute_uri(attendance.checkin_url(session, now))
        context.update(
            url=url,
            qr_svg=segno.make(url, error="m").svg_inline(scale=8, border=2, title=_("Check-in QR code")),
            refresh=max(1, 60 - int(now.timestamp()) % 60),
            present=Attendance.objects.filter(session=session, status__in=("present", "late")).count(),
        )
    response = render(request, "enrolment/staff/qr.html", context)
    response["Cache-Control"] = "no-store"
    return response


@staff_required(*DELIVERY_ROLES)
def attendance_sheet(request, course_id, session_id):
    course = _course(course_id, request.user)
    session = _session(course, session_id)
    return _download(
        exports.attendance_sheet_pdf(course, session),
        "application/pdf",
        f"daftar-hadir-{course.slug}-{session.pk}.pdf",
    )


@staff_required(*DELIVERY_ROLES)
def participants_export(request, course_id):
    """The class list, masked by default; ``?lengkap=1`` (full data) needs the explicit permission. Logged."""
    course = _course(course_id, request.user)
    full = request.GET.get("lengkap") == "1"
    if full and not privacy_log.may_export_full(request.user):
        raise PermissionDenied
    people = [
        privacy_log.person(e.participant.full_name, e.participant.user, e.participant.email)
        for e in exports.class_rows(course)
    ]
    privacy_log.record(
        request.user,
        "export",
        _("Participant list of %(course)s (%(kind)s)")
        % {"course": course.title, "kind": _("full personal data") if full else _("masked")},
        people,
        reason=request.GET.get("alasan", ""),
        full_data=full,
    )
    return _download(
        exports.participants_xlsx(course, full=full),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"peserta-{course.slug}.xlsx",
    )


@staff_required(*DELIVERY_ROLES)
def score_sheet(request, course_id):
    course = _course(course_id, request.user)
    return _download(
        exports.score_sheet_xlsx(course),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"nilai-{course.slug}.xlsx",
    )


@staff_required(*DELIVERY_ROLES)
def report(request, course_id):
    course = _course(course_id, request.user)
    return _download(exports.report_pdf(course), "application/pdf", f"laporan-{course.slug}.pdf")


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required(*DELIVERY_ROLES)
def scores(request, course_id):
    """Paper tests: type the scores in, or import the filled-in score sheet."""
    course = _course(course_id, request.user)
    enrolments = list(
        Enrolment.objects.filter(course=course, state__in=("accepted", "attending", "evaluation", "completed"))
        .select_related("participant")
        .prefetch_related(Prefetch("test_results"))
        .order_by("participant__full_name")
    )
    entry = ScoreEntryForm(enrolments=enrolments)
    upload = ScoreImportForm()
    import_errors = []
    if request.method == "POST" and "import" in request.POST:
        upload = ScoreImportForm(request.POST, request.FILES)
        if upload.is_valid():
            count, import_errors = assessment.import_scores(course, upload.cleaned_data["file"], request.user)
            if not import_errors:
                messages.success(request, _("Scores imported for %(count)d participants.") % {"count": count})
                return redirect("enrolment:scores", course_id=course.pk)
    elif request.method == "POST":
        entry = ScoreEntryForm(request.POST, enrolments=enrolments)
        if entry.is_valid():
            for enrolment in enrolments:
                for kind in ("pre", "post"):
                    value = entry.cleaned_data.get(f"{kind}_{enrolment.pk}")
                    current = enrolment.test_scores[0 if kind == "pre" else 1]
                    if value != current:
                        assessment.record_score(enrolment, kind, value, request.user)
            messages.success(request, _("Scores saved."))
            return redirect("enrolment:scores", course_id=course.pk)
    return render(
        request,
        "enrolment/staff/scores.html",
        {"course": course, "entry": entry, "upload": upload, "import_errors": import_errors},
    )


@staff_required(roles.ADMIN_OFFICER)
def walk_in(request):
    """SOP step 1 *secara langsung*: the admin officer registers a person without an account."""
    course_id = request.GET.get("kelas", "")
    initial = {"course": course_id} if course_id.isdigit() else {}
    # Always a new profile form: a known NIK never silently overwrites that person's profile.
    form = WalkInForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        course = form.cleaned_data["course"]
        if form.use_existing:
            participant = form.existing  # enrolled as registered; the typed data are not applied
        else:
            participant = services.save_profile(form, registered_by=request.user)
        try:
            enrolment, created = services.enrol(participant, course, request.user, walk_in=True)
        except ValidationError as error:
            form.add_error("course", error)
        else:
            if created and form.cleaned_data.get("accept_now"):
                services.decide(enrolment, request.user)
                enrolment.refresh_from_db()
            if created and participant.user_id is None:
                claims.send_claim_email(participant)
            if created:
                messages.success(
                    request,
                    _("%(name)s registered with number %(number)s: %(step)s.")
                    % {
                        "name": participant.full_name,
                        "number": enrolment.tracking_number,
                        "step": enrolment.state_label,
                    },
                )
            else:
                messages.info(
                    request, _("%(name)s is already registered for this class.") % {"name": participant.full_name}
                )
            return redirect("enrolment:staff_course", course_id=course.pk)
    return render(request, "enrolment/staff/walk_in.html", {"form": form})


@require_POST
@staff_required(roles.ADMIN_OFFICER)
def resend_claim(request, pk):
    participant = get_object_or_404(Participant, pk=pk, user__isnull=True)
    if claims.send_claim_email(participant):
        messages.success(request, _("The claim link was sent to %(email)s.") % {"email": participant.email})
    else:
        messages.error(request, _("This participant has no email address."))
    return redirect(safe_next(request, request.POST.get("next"), reverse("enrolment:staff_index")))
