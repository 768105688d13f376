"""A trainer's schedule, merged from every app that books trainers.

Apps register a source with ``@hooks.register(TRAINER_SCHEDULE_SOURCE)``: a function
``fn(trainer_page, start_date, end_date)`` returning ``ScheduleItem``s that overlap the dates
(``end_date`` inclusive). This app registers class sessions; the resource-person requests add
their approved assignments. ``trainer_schedule`` merges them in time order for the admin panel,
the member area and the .ics feed.
"""

import datetime
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

TRAINER_SCHEDULE_SOURCE = "register_trainer_schedule_source"
ICS_SALT = "trainers.schedule.ics"

KIND_LABELS = {
    "session": _("Class session"),
    "class": _("Class"),
    "assignment": _("Resource-person assignment"),
}


@dataclass(frozen=True)
class ScheduleItem:
    start: datetime.datetime  # aware
    end: datetime.datetime  # aware
    title: str
    kind: str
    url: str = ""
    place: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def uid(self):
        digest = hashlib.sha1(f"{self.title}|{self.url}|{self.place}".encode()).hexdigest()[:12]
        return f"{self.kind}-{self.start:%Y%m%dT%H%M}-{digest}"


def office_zone():
    return ZoneInfo(settings.TIME_ZONE)


def combine(date, time):
    return datetime.datetime.combine(date, time, tzinfo=office_zone())


def trainer_schedule(page, start_date, end_date):
    """All registered sources' items for ``page`` between the dates (inclusive), sorted by start."""
    items = []
    for source in hooks.get_hooks(TRAINER_SCHEDULE_SOURCE):
        items.extend(source(page, start_date, end_date) or [])
    return sorted(items, key=lambda item: (item.start, item.end, item.title))


def class_sessions_source(page, start_date, end_date):
    """Agenda sessions led by the trainer, plus the days of classes that list the trainer without
    naming it on a session (one item per agenda day, or the class dates when it has no agenda)."""
    from courses.models import CoursePage, CourseSession

    items = []
    sessions = (
        CourseSession.objects.filter(trainer_id=page.pk, date__gte=start_date, date__lte=end_date, page__live=True)
        .select_related("page")
        .order_by("date", "start_time")
    )
    covered = set()
    for session in sessions:
        course = session.page
        covered.add((course.pk, session.date))
        items.append(
            ScheduleItem(
                start=combine(session.date, session.start_time),
                end=combine(session.date, session.end_time),
                title=f"{session.title} – {course.title}",
                kind="session",
                url=course.url or "",
                place=session.room or course.location_name,
            )
        )
    courses = (
        CoursePage.objects.live()
        .filter(course_trainers__trainer_id=page.pk, start_date__lte=end_date, end_date__gte=start_date)
        .distinct()
        .prefetch_related("sessions")
    )
    for course in courses:
        days = {}
        for session in course.sessions.all():
            if start_date <= session.date <= end_date:
                days.setdefault(session.date, []).append(session)
        if not course.sessions.all():
            items.append(
                ScheduleItem(
                    start=combine(max(course.start_date, start_date), datetime.time.min),
                    end=combine(min(course.end_date, end_date) + datetime.timedelta(days=1), datetime.time.min),
                    title=course.title,
                    kind="class",
                    url=course.url or "",
                    place=course.location_name,
                )
            )
            continue
        for date, day_sessions in sorted(days.items()):
            if (course.pk, date) in covered:
                continue
            items.append(
                ScheduleItem(
                    start=combine(date, min(s.start_time for s in day_sessions)),
                    end=combine(date, max(s.end_time for s in day_sessions)),
                    title=course.title,
                    kind="class",
                    url=course.url or "",
                    place=course.location_name,
                )
            )
    return items


def pages_for_user(user):
    """The trainer pages (live or draft) that belong to ``user``."""
    from trainers.models import TrainerPage

    if not user.is_authenticated:
        return TrainerPage.objects.none()
    return TrainerPage.objects.filter(Q(user=user)).order_by("title")


def ics_token(page):
    """A stable signed token naming the page (HMAC with the secret key), for the trainer's calendar feed."""
    return signing.Signer(salt=ICS_SALT).sign(str(page.pk))


def page_for_token(token):
    from trainers.models import TrainerPage

    try:
        pk = signing.Signer(salt=ICS_SALT).unsign(token)
    except signing.BadSignature:
        return None
    if not pk.isdigit():
        return None
    return TrainerPage.objects.filter(pk=pk).first()


def ics_calendar(page, items, name):
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Pusat Pelatihan//Jadwal Narasumber//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"{item.uid}-{page.pk}@pusat-pelatihan")
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("dtstamp", item.start)
        if item.place:
            event.add("location", item.place)
        if item.url:
            event.add("url", item.url)
        event.add("categories", [str(item.kind_label)])
        calendar.add_component(event)
    return calendar.to_ical()
