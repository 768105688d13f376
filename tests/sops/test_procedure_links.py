"""SOP ↔ process links are typed: the page names a registered procedure, and every timed step of
every procedure points at a step of the SOP it follows — checked against the library's data file."""

import math

import pytest

from django.core.exceptions import ValidationError

from procedures import registry
from sops import durations, library
from sops.factories import SOPIndexPageFactory, SOPPageFactory
from sops.links import procedure_choices
from sops.models import SOPPage


def followed_procedures():
    return [procedure for procedure in registry.all_procedures() if library.for_procedure(procedure.code)]


def test_every_service_with_sop_steps_follows_a_library_sop():
    linked = {procedure.code for procedure in registry.all_procedures() if any(s.sop_step for s in procedure.steps)}
    assert linked <= {procedure.code for procedure in followed_procedures()}
    assert {"enrolment", "course_licence", "trainer_registration", "trainer_request", "consultation"} <= linked


@pytest.mark.parametrize("procedure", followed_procedures(), ids=lambda procedure: procedure.code)
def test_every_timed_step_names_a_step_of_its_sop(procedure):
    entry = library.for_procedure(procedure.code)
    labels = set(entry.step_labels())
    for step in procedure.timed_steps():
        if step.sop_step is not None:
            assert step.sop_step in labels, f"{procedure.code}.{step.state} -> SOP step {step.sop_step} of {entry.key}"


@pytest.mark.parametrize("procedure", followed_procedures(), ids=lambda procedure: procedure.code)
def test_default_times_are_the_sops(procedure):
    """A flow's fallback time is the library's standard too (the upper bound of a range, days as working days)."""
    entry = library.for_procedure(procedure.code)
    for step in procedure.timed_steps():
        if step.sop_step is None:
            continue
        sop_step = entry.step(step.sop_step)
        upper = sop_step.time_value_max or sop_step.time_value
        if sop_step.time_unit in durations.MINUTE_UNITS:
            assert step.default_minutes == math.ceil(upper * durations.MINUTE_UNITS[sop_step.time_unit]), step.state
        else:
            assert step.default_days == upper, step.state


def test_the_procedure_code_is_a_choice_of_the_registered_procedures():
    choices = dict(procedure_choices())
    assert set(choices) == {procedure.code for procedure in registry.all_procedures()}
    field = SOPPage._meta.get_field("procedure_code")
    assert dict(field.choices) == choices


@pytest.mark.django_db
def test_an_unknown_procedure_code_is_refused(home):
    index = SOPIndexPageFactory(parent=home)
    page = SOPPageFactory(parent=index, procedure_code="")
    page.procedure_code = "no_such_service"  # no procedure has it
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "procedure_code" in error.value.message_dict
    page.procedure_code = "consultation"
    page.full_clean()
