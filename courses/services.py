"""Catalogue functions used by views and hooks: the home schedule and document access."""

from django.db.models import Q
from django.utils import timezone

from courses.hooks import is_course_staff
from courses.models import CoursePage, CourseSession, MaterialAttachment, MaterialPage


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
    """May ``user`` download ``document``?

    A file of a material that is not yet approved (a draft, or a version waiting in the review
    workflow) is private: only staff and its owner (the material's author or the file's uploader)
    may fetch it, even by its URL. A file also attached to a live public material stays public;
    files of live participants-only materials go to the class's participants and staff; files no
    material uses are public.
    """
    attachments = MaterialAttachment.objects.filter(document=document).select_related("page")
    guarding = {}  # material pk -> (material, waiting for approval)
    for attachment in attachments:
        material = attachment.page
        if material.live and not material.is_restricted:
            return True
        guarding[material.pk] = (material, not material.live)
    for material in materials_under_review_with(document):
        guarding.setdefault(material.pk, (material, True))
    if not guarding:
        return True
    return any(
        is_material_owner_or_staff(material, document, user) if pending else material.user_can_download(user)
        for material, pending in guarding.values()
    )


def is_material_owner_or_staff(material, document, user):
    if not user.is_authenticated:
        return False
    if user.pk in {material.owner_id, document.uploaded_by_user_id}:
        return True
    return is_course_staff(user, material)


def _revision_documents(material):
    """The document ids the material's latest (unpublished) revision attaches."""
    revision = material.latest_revision
    if revision is None:
        return set()
    return {item.get("document") for item in revision.content.get("attachments", []) if isinstance(item, dict)}


def materials_under_review_with(document):
    """Materials whose unpublished version (a draft or one in review) attaches ``document``.

    A file uploaded for such a version has no attachment row of the live page yet; it is found in
    the revision's content.
    """
    candidates = MaterialPage.objects.filter(Q(live=False) | Q(has_unpublished_changes=True)).select_related(
        "latest_revision"
    )
    return [material for material in candidates if document.pk in _revision_documents(material)]
