"""Extension points of the trainers app that other apps fill in through Wagtail hooks.

* ``register_trainer_schedule_source``: ``fn(trainer_ids, start_date, end_date)`` returning
  ``(trainer_id, trainers.schedule.ScheduleItem)`` pairs: the bookings an app makes (class
  sessions, request assignments). ``trainers.schedule.busy_times`` merges them.
* ``register_trainer_profile_section``: ``fn(request, trainer_page) -> portal.hooks.Panel | None``
  adds a section to the public trainer profile (the catalogue lists the classes taught).
* ``register_trainer_profile_action``: the same, for the buttons under the profile's heading
  (the resource-person requests offer "Request this trainer").
"""

from portal.hooks import collect_panels

TRAINER_SCHEDULE_SOURCE = "register_trainer_schedule_source"
TRAINER_PROFILE_SECTION = "register_trainer_profile_section"
TRAINER_PROFILE_ACTION = "register_trainer_profile_action"


def profile_sections(request, page):
    return collect_panels(TRAINER_PROFILE_SECTION, request, page)


def profile_actions(request, page):
    return collect_panels(TRAINER_PROFILE_ACTION, request, page)
