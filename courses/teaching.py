"""Who teaches what: the catalogue's side of the class–trainer relation, handed to the trainers app.

The catalogue owns the relation (``CourseTrainer`` and ``CourseSession.trainer``); the trainers
app asks for it through its hooks: the classes on a trainer's public profile, and the class
bookings its one availability function (``trainers.schedule.busy_times``) merges.

Availability rule (SOP 002): a trainer who leads a session is busy during that session. A trainer
listed on a class is busy on each of its days on which no session names them, from the day's
first session to its last; for a class without an agenda, on every day of the class.
"""

import datetime

from django.db.models import Exists, OuterRef, Q

from courses.models import CoursePage, CourseSession, CourseTrainer
from portal.dates import office_datetime
from trainers.schedule import ScheduleItem


def classes_taught(trainer_page):
    """Published classes the trainer teaches: listed as a class trainer or leading an agenda session."""
    return (
        CoursePage.objects.live()
        .public()
        .filter(Q(course_trainers__trainer_id=trainer_page.pk) | Q(sessions__trainer_id=trainer_page.pk))
        .distinct()
        .for_listing()
    )


def class_bookings(trainer_ids, start_date, end_date):
    """``(trainer_id, ScheduleItem)`` for the trainers' class sessions and class days; two queries."""
    listings = list(
        CourseTrainer.objects.filter(
            trainer_id__in=trainer_ids,
            page__live=True,
            page__start_date__lte=end_date,
            page__end_date__gte=start_date,
        )
        .select_related("page")
        .annotate(has_agenda=Exists(CourseSession.objects.filter(page_id=OuterRef("page_id"))))
    )
    listed_courses = {listing.page_id for listing in listings}
    sessions = list(
        CourseSession.objects.filter(
            Q(trainer_id__in=trainer_ids) | Q(page_id__in=listed_courses),
            date__gte=start_date,
            date__lte=end_date,
            page__live=True,
        )
        .select_related("page")
        .order_by("date", "start_time")
    )
    items = []
    led_days = set()  # (trainer, class, day) on which a session names the trainer
    days_of_class = {}
    for session in sessions:
        course = session.page
        days_of_class.setdefault((course.pk, session.date), []).append(session)
        if session.trainer_id in trainer_ids:
            led_days.add((session.trainer_id, course.pk, session.date))
            items.append(
                (
                    session.trainer_id,
                    ScheduleItem(
                        start=session.starts_at,
                        end=session.ends_at,
                        title=f"{session.title} – {course.title}",
                        kind="session",
                        url=course.url or "",
                        place=session.room or course.location_name,
                        ref=f"course:{course.pk}",
                    ),
                )
            )
    for listing in listings:
        course = listing.page
        if not listing.has_agenda:
            first, last = max(course.start_date, start_date), min(course.end_date, end_date)
            whole_days = (
                office_datetime(first, datetime.time.min),
                office_datetime(last + datetime.timedelta(days=1), datetime.time.min),
            )
            items.append((listing.trainer_id, _class_item(course, *whole_days)))
            continue
        for (course_pk, date), day_sessions in sorted(days_of_class.items()):
            if course_pk != course.pk or (listing.trainer_id, course.pk, date) in led_days:
                continue
            items.append(
                (
                    listing.trainer_id,
                    _class_item(course, min(s.starts_at for s in day_sessions), max(s.ends_at for s in day_sessions)),
                )
            )
    return items


def _class_item(course, start, end):
    return ScheduleItem(
        start=start,
        end=end,
        title=course.title,
        kind="class",
        url=course.url or "",
        place=course.location_name,
        ref=f"course:{course.pk}",
    )


def courses_taught_by_user(user):
    """Ids of the classes a staff account teaches: its trainer profile is a class trainer or leads a session.

    The account is linked to its profile by ``TrainerPage.user``; drafts and past classes count too
    (an instructor finishes the evaluation after the class ended).
    """
    if user is None or not user.is_authenticated:
        return CoursePage.objects.none().values("pk")
    return (
        CoursePage.objects.filter(Q(course_trainers__trainer__user=user) | Q(sessions__trainer__user=user))
        .values("pk")
        .distinct()
    )


def teaches(user, course_id):
    return courses_taught_by_user(user).filter(pk=course_id).exists()
