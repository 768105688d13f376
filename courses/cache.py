"""What the page cache purges when class data changes (``portal.pagecache``).

A class page is tagged ``page:<id>``; listings of classes (the catalogue, the home page's
schedule, a trainer's classes) carry ``courses``.
"""

from portal.pagecache import purge_on_change


def connect_page_cache():
    from courses.models import CourseSession, CourseTrainer, SeatCount

    # Seats left: the class page and the cards (enrolment decisions update the counter).
    purge_on_change(SeatCount, lambda seats: [f"page:{seats.course_id}", "courses"])
    # A session added or changed: the agenda, the schedule on the home page, the trainer's page.
    purge_on_change(
        CourseSession, lambda session: [f"page:{session.page_id}", "courses", f"page:{session.trainer_id}"]
    )
    purge_on_change(CourseTrainer, lambda link: [f"page:{link.page_id}", f"page:{link.trainer_id}", "courses"])
