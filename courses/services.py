"""Catalogue functions used by views and hooks: the home schedule and document access."""

from django.utils import timezone

from courses.models import CoursePage, CourseSession, MaterialAttachment


def upcoming_schedule(limit, now=None):
    """The next session of each published class, soonest first, as home-page schedule items."""
    now = now or timezone.localtime()
    today = now.date()
    public_courses = CoursePage.objects.live().public().values("pk")
    sessions = (
        CourseSession.objects.filter(page__in=public_courses, date__gte=today)
        .exclude(date=today, end_time__lte=now.time())
        .select_related("page")
        .order_by("date", "start_time", "pk")
    )
    items, seen = [], set()
    # Reading in slices keeps the query bounded while skipping classes already listed.
    for session in sessions[: limit * 25]:
        if session.page_id in seen:
            continue
        seen.add(session.page_id)
        course = session.page
        items.append(
            {
                "title": course.title,
                "url": course.url,
                "start": session.starts_at,
                "place": course.location_name or course.get_mode_display(),
            }
        )
        if len(items) >= limit:
            break
    return items


def document_access(document, user):
    """May ``user`` download ``document``? Only participants-only materials restrict their files.

    A file also attached to a live public material stays public; otherwise each restricting
    material is asked whether the user is its class's participant (or staff).
    """
    attachments = MaterialAttachment.objects.filter(document=document).select_related("page")
    restricting = []
    for attachment in attachments:
        material = attachment.page
        if not material.is_restricted:
            if material.live:
                return True
            continue
        restricting.append(material)
    if not restricting:
        return True
    return any(material.user_can_download(user) for material in restricting)
