"""Trainer availability: one function, fed by every app that books trainers.

``busy_times(trainer_ids, start_date, end_date)`` is the only place that says when trainers are
committed, and ``check_availability(trainer_ids, windows)`` the only conflict check built on it.
The trainer's schedule (admin panel, member area, .ics feed), the assignment of resource persons
and the class editor's session trainers all read them, so they always agree.

Apps add their bookings with ``@hooks.register(TRAINER_SCHEDULE_SOURCE)``: a function
``fn(trainer_ids, start_date, end_date)`` returning ``(trainer_id, ScheduleItem)`` pairs for the
items that overlap the dates (``end_date`` inclusive), in a fixed number of queries whatever the
number of trainers. The catalogue adds class sessions and class days, the resource-person
requests add their approved assignments.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from trainers.hooks import TRAINER_SCHEDULE_SOURCE

ICS_SALT = "trainers.schedule.ics"

KIND_LABELS = {
    "session": _("Class session"),
    "class": _("Class"),
    "assignment": _("Resource-person assignment"),
}


@dataclass(frozen=True)
class ScheduleItem:
    """One period in which a trainer is committed (aware datetimes, ``end`` exclusive)."""

    start: datetime.datetime
    end: datetime.datetime
    title: str
    kind: str  # "session" (leads a class session), "class" (listed on a class), "assignment"
    url: str = ""
    place: str = ""
    #: What booked the trainer (e.g. ``"trainer_request:12"``), so a booking can leave itself out.
    ref: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def uid(self):
        digest = hashlib.sha1(f"{self.title}|{self.url}|{self.place}".encode()).hexdigest()[:12]
        return f"{self.kind}-{self.start:%Y%m%dT%H%M}-{digest}"


def busy_times(trainer_ids, start_date, end_date):
    """``{trainer_id: [ScheduleItem, ...]}`` from every registered source, each list in time order."""
    busy = {pk: [] for pk in trainer_ids}
    if not busy or start_date is None or end_date is None:
        return busy
    for source in hooks.get_hooks(TRAINER_SCHEDULE_SOURCE):
        for trainer_id, item in source(list(busy), start_date, end_date) or []:
            if trainer_id in busy:
                busy[trainer_id].append(item)
    for items in busy.values():
        items.sort(key=lambda item: (item.start, item.end, item.title))
    return busy


@dataclass(frozen=True)
class Conflict:
    window_start: datetime.datetime
    window_end: datetime.datetime
    busy: object  # the ScheduleItem that overlaps the window

    def __str__(self):
        return f"{self.busy.title} ({self.busy.start:%d-%m-%Y %H:%M}–{self.busy.end:%H:%M})"


def overlaps(a_start, a_end, b_start, b_end):
    """True when [a_start, a_end) and [b_start, b_end) share time; touching ends do not overlap."""
    return a_start < b_end and b_start < a_end


def find_conflicts(windows, busy_items):
    """Every (window, busy item) pair that overlaps, in time order."""
    conflicts = [
        Conflict(start, end, busy)
        for start, end in windows
        for busy in busy_items
        if overlaps(start, end, busy.start, busy.end)
    ]
    return sorted(conflicts, key=lambda conflict: (conflict.busy.start, conflict.window_start))


def check_availability(trainer_ids, windows, exclude_ref=""):
    """``{trainer_id: [Conflict, ...]}``: the trainers' commitments that overlap the periods ``windows``.

    The one availability check: the head of office assigning a resource person and an editor naming a
    session's trainer in the class editor both call it. ``exclude_ref`` leaves out the bookings of the
    thing being planned (the request itself, the class being edited).
    """
    windows = list(windows)
    if not windows:
        return {pk: [] for pk in trainer_ids}
    start = min(timezone.localtime(begin).date() for begin, _end in windows)
    end = max(timezone.localtime(finish).date() for _begin, finish in windows)
    busy = busy_times(trainer_ids, start, end)
    return {
        pk: find_conflicts(windows, [item for item in items if not exclude_ref or item.ref != exclude_ref])
        for pk, items in busy.items()
    }


def trainer_schedule(page, start_date, end_date):
    """One trainer's items between the dates (inclusive), sorted by start."""
    return busy_times([page.pk], start_date, end_date)[page.pk]


def pages_for_user(user):
    """The trainer pages (live or draft) that belong to ``user``."""
    from trainers.models import TrainerPage

    if not user.is_authenticated:
        return TrainerPage.objects.none()
    return TrainerPage.objects.filter(Q(user=user)).order_by("title")


def ics_token(page):
    """The signed token of the trainer's calendar feed: the page and its current ``calendar_key``.

    Signed with the secret key, so nobody forges one; naming the key, so rotating the key
    (:func:`rotate_calendar_key`) revokes every link given out before.
    """
    value = f"{page.pk}.{page.calendar_key}" if page.calendar_key else str(page.pk)
    return signing.Signer(salt=ICS_SALT).sign(value)


def page_for_token(token):
    from trainers.models import TrainerPage

    try:
        value = signing.Signer(salt=ICS_SALT).unsign(token)
    except signing.BadSignature:
        return None
    pk, _sep, key = value.partition(".")
    if not pk.isdigit():
        return None
    page = TrainerPage.objects.filter(pk=pk).first()
    if page is None or not constant_time_compare(page.calendar_key, key):
        return None
    return page


def rotate_calendar_key(page):
    """Revoke the page's calendar links and make a new one (the trainer's or staff's action)."""
    page.calendar_key = secrets.token_urlsafe(18)
    type(page).objects.filter(pk=page.pk).update(calendar_key=page.calendar_key)
    return ics_token(page)


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
