"""The seat rule of SOP 000 step 2: capacity counts accepted participants; a full class keeps a waiting list.

Every transition that changes the seats of a class declares ``lock=lock_class_seats``: its
transaction first locks the class's ``courses.SeatCount`` row (``SELECT … FOR UPDATE``), so
concurrent acceptances of the last seat queue up behind each other. The counts are then
recomputed from the enrolments, and the database refuses a seat number held twice.
"""

from django.utils.translation import gettext as _

from courses.models import SeatCount
from enrolment.models import Enrolment
from enrolment.procedure import SEATED_STATES
from procedures.services import TransitionNotAllowed


class SeatsFull(TransitionNotAllowed):
    pass


def lock_seats(course):
    """Lock the class's seat counter for the rest of the transaction (created on first use)."""
    return SeatCount.for_course(course, lock=True)


def lock_class_seats(enrolment):
    """The ``lock`` of every seat transition: the enrolment's class's counter, before the enrolment row."""
    lock_seats(enrolment.course)


def accept_or_waitlist(enrolment):
    """The ``outcome`` of "accept": a seat when one is free, else the waiting list (seats already locked)."""
    return "waitlist" if is_full(enrolment.course) else "accept"


def sync_seats(seat_count):
    """Write the exact counts (from the enrolments) into the locked counter."""
    course_enrolments = Enrolment.objects.filter(course_id=seat_count.course_id)
    seat_count.accepted = course_enrolments.filter(state__in=SEATED_STATES).count()
    seat_count.waitlisted = course_enrolments.filter(state="waitlisted").count()
    seat_count.save(update_fields=["accepted", "waitlisted"])
    return seat_count


def is_full(course):
    if course.capacity is None:
        return False
    return Enrolment.objects.filter(course_id=course.pk, state__in=SEATED_STATES).count() >= course.capacity


def check_capacity(course):
    """After a seat was taken: refuse it if the class is now over capacity (whatever path took it)."""
    if course.capacity is not None and (
        Enrolment.objects.filter(course_id=course.pk, state__in=SEATED_STATES).count() > course.capacity
    ):
        raise SeatsFull(_("The class is full: put the participant on the waiting list."))


def free_seat_number(course):
    taken = set(
        Enrolment.objects.filter(course_id=course.pk, seat_number__isnull=False).values_list("seat_number", flat=True)
    )
    number = 1
    while number in taken:
        number += 1
    return number
