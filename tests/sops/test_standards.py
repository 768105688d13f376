from decimal import Decimal

import pytest

from sops.factories import SOPIndexPageFactory, SOPPageFactory, SOPStepFactory
from sops.standards import StepStandard, sop_page_for, standard_for, standards_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def sop(home):
    index = SOPIndexPageFactory(parent=home)
    page = SOPPageFactory(parent=index, procedure_code="course_licence", steps=[])
    SOPStepFactory(
        page=page, number=1, sort_order=1, time_value=5, time_value_max=10, time_unit="minutes", actor="Pemohon"
    )
    SOPStepFactory(page=page, number=2, sort_order=2, time_value=Decimal("1.5"), time_unit="hours", actor="FO")
    SOPStepFactory(page=page, number=3, sort_order=3, time_value=4, time_unit="days", actor="Dinas Teknis")
    SOPStepFactory(
        page=page,
        number=4,
        sort_order=4,
        time_value=1,
        time_value_max=2,
        time_unit="working_days",
        actor="Kepala Dinas",
    )
    return page


def test_standards_for_reads_every_step_in_one_query(sop, django_assert_num_queries):
    with django_assert_num_queries(1):
        standards = standards_for("course_licence")
    assert list(standards) == ["1", "2", "3", "4"]
    first = standards["1"]
    assert isinstance(first, StepStandard)
    assert (first.value, first.value_max, first.unit, first.actor) == (Decimal(5), Decimal(10), "minutes", "Pemohon")


def test_minutes_and_days(sop):
    standards = standards_for("course_licence")
    assert standards["1"].as_minutes() == 10  # the upper bound of a range is the standard
    assert standards["1"].as_working_days() is None
    assert standards["2"].as_minutes() == 90
    assert standards["3"].as_minutes() is None
    assert standards["3"].as_working_days() == Decimal(4)
    assert standards["4"].as_working_days() == Decimal(2)
    assert standards["1"].minutes == 10


def test_standard_for_one_step(sop):
    assert standard_for("course_licence", "3").actor == "Dinas Teknis"
    assert standard_for("course_licence", 2).as_minutes() == 90
    assert standard_for("course_licence", "99") is None
    assert standard_for("unknown", "1") is None
    assert standards_for("") == {}


def test_only_the_live_page_counts(sop):
    assert sop_page_for("course_licence").pk == sop.pk
    sop.unpublish()
    assert sop_page_for("course_licence") is None
    assert standards_for("course_licence") == {}


def test_a_draft_does_not_change_the_clock(sop):
    revision_page = sop.get_latest_revision_as_object()
    steps = list(revision_page.steps.all())
    steps[0].time_value, steps[0].time_value_max = Decimal(50), Decimal(60)
    revision_page.steps = steps
    revision_page.save_revision()  # saved, not published
    assert standards_for("course_licence")["1"].as_minutes() == 10
    revision_page.save_revision().publish()
    assert standards_for("course_licence")["1"].as_minutes() == 60
