"""iCalendar files of a class and of its sessions, in the office time zone (TZID with VTIMEZONE)."""

import datetime

from icalendar import Calendar, Event

from django.conf import settings
from django.utils import timezone

PRODID = "-//Pusat Pelatihan//Kelas//ID"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _location(course):
    parts = [course.location_name, " ".join(course.location_address.split())]
    return ", ".join(part for part in parts if part) or course.get_mode_display()


def session_event(session, course, base_url):
    event = Event()
    event.add("uid", f"sesi-{session.pk}@{base_url.split('//', 1)[-1]}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", f"{session.title} – {course.title}")
    event.add("location", _location(course))
    description = [session.get_kind_display()]
    if session.room:
        description.append(session.room)
    description.append(base_url + course.url)
    event.add("description", "\n".join(description))
    event.add("url", base_url + course.url)
    return event


def course_calendar(course, base_url):
    """All sessions of a class; a class without an agenda yet gets one all-day event for its dates."""
    calendar = _calendar(course.title)
    sessions = course.agenda
    if sessions:
        for session in sessions:
            calendar.add_component(session_event(session, course, base_url))
    else:
        event = Event()
        event.add("uid", f"kelas-{course.pk}@{base_url.split('//', 1)[-1]}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", course.start_date)
        event.add("dtend", course.end_date + datetime.timedelta(days=1))
        event.add("summary", course.title)
        event.add("location", _location(course))
        event.add("url", base_url + course.url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def session_calendar(session, base_url):
    calendar = _calendar(session.page.title)
    calendar.add_component(session_event(session, session.page, base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()
