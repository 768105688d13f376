"""Calendar downloads of a class and of one session (the class page links to both)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from courses.calendar import course_calendar, session_calendar
from courses.models import CoursePage, CourseSession


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _base_url(request):
    return f"{request.scheme}://{request.get_host()}"


def _visible_course(request, pk):
    course = get_object_or_404(CoursePage.objects.live(), pk=pk)
    # Classes behind a Wagtail view restriction stay hidden from the calendar too.
    if not CoursePage.objects.filter(pk=pk).public().exists():
        raise Http404
    return course


def course_ics(request, page_id):
    course = _visible_course(request, page_id)
    return _ics_response(course_calendar(course, _base_url(request)), f"{course.slug}.ics")


def session_ics(request, session_id):
    session = get_object_or_404(CourseSession.objects.select_related("page"), pk=session_id)
    _visible_course(request, session.page_id)
    return _ics_response(session_calendar(session, _base_url(request)), f"{session.page.slug}-sesi-{session.pk}.ics")
