"""The demo: a regional training in every step, letters, the three kinds of region, the report PDF."""

import io

import pytest

from accounts import demo as accounts_demo
from events import demo
from events.models import Candidate, RegionalTraining
from events.procedure import PROCEDURE

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_training_in_every_step(course):
    accounts_demo.load(io.StringIO())
    demo.load(io.StringIO())
    states = set(RegionalTraining.objects.values_list("state", flat=True))
    assert states == {step.state for step in PROCEDURE.steps} - {"draft", "cancelled"}
    open_one = RegionalTraining.objects.get(state="nominations")
    on_time, over, late = open_one.regions.order_by("pk")
    assert on_time.answered_at and not on_time.is_late and not on_time.over_quota
    assert over.over_quota and not late.answered_at and late.is_late and late.reminders == 1
    assert not open_one.nominations_open()
    done = RegionalTraining.objects.get(state="received")
    assert done.report_pdf and done.letters().count() == 3
    enrolled = Candidate.objects.filter(region__training=done).exclude(enrolment=None)
    assert enrolled.count() == on_time.quota + over.quota
    assert open_one.facilities_not_ready()
    demo.load(io.StringIO())  # a second run adds nothing
    assert RegionalTraining.objects.count() == len(demo.TITLES)
