"""Extension points of the trainers app that other apps fill in through Wagtail hooks.

* ``register_trainer_schedule_source``: ``fn(trainer_ids, start_date, end_date)`` returning
  ``(trainer_id, trainers.schedule.ScheduleItem)`` pairs: the bookings an app makes (class
  sessions, request assignments). ``trainers.schedule.busy_times`` merges them.
* ``register_trainer_profile_section``: ``fn(request, trainer_page) -> portal.hooks.Panel | None``
  adds a section to the public trainer profile (the catalogue lists the classes taught).
"""

from portal.hooks import collect_panels

TRAINER_SCHEDULE_SOURCE = "register_trainer_schedule_source"
TRAINER_PROFILE_SECTION = "register_trainer_profile_section"


def profile_sections(request, page):
    return collect_panels(TRAINER_PROFILE_SECTION, request, page)
