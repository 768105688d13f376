"""The material review follows SOP "Penyiapan Bahan/Materi Diklat", read from the library's data file:
the Level-1 review step exists, the SOP page's procedure code names a real procedure, and each review
step runs on the SOP clock (the adopted page's standard times)."""

import datetime

import pytest

from wagtail.models import WorkflowState

from accounts import roles
from courses.factories import CoursePageFactory, MaterialPageFactory
from courses.models import MaterialReview
from courses.procedure import CODE, PROCEDURE
from procedures import registry
from procedures.clock import office_calendar
from sops import adoption, library
from sops.links import procedure_choices

ENTRY = library.get("penyiapan-bahan-materi-diklat")

SOP_ACTORS = {
    "Ketua Tim Kerja": roles.TEAM_LEAD,
    "Pejabat Level 2 (Pimpinan Unit)": roles.HEAD_OF_UNIT,
    "Pejabat Level 1 (Pejabat Penilai Kinerja)": roles.HEAD_OF_OFFICE,
}


def test_the_sop_page_points_at_a_registered_procedure():
    assert ENTRY.procedure == CODE
    assert registry.get(CODE) is PROCEDURE
    assert CODE in dict(procedure_choices())
    assert library.for_procedure(CODE) == ENTRY


def test_the_review_steps_are_the_sops_steps_three_to_five_with_their_actors():
    reviews = {step.sop_step: step for step in PROCEDURE.timed_steps()}
    assert set(reviews) == {"3", "4", "5"}
    for number, step in reviews.items():
        assert {SOP_ACTORS[actor] for actor in ENTRY.step(number).actors} == set(step.roles), number
    # Step 5 is the Level-1 official's.
    assert reviews["5"].roles == (roles.HEAD_OF_OFFICE,)


def header():
    return adoption.Adoption(
        issuer="Dinas Contoh",
        sop_number="800/15/SOP/2026",
        date_made=datetime.date(2026, 3, 2),
        date_effective=datetime.date(2026, 4, 1),
        approver_title="Kepala Dinas",
        approver_name="Drs. Ahmad Santoso",
        approver_nip="",
    )


def approve_current(state, user):
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")
    state.refresh_from_db()


@pytest.mark.django_db
def test_the_review_runs_on_the_sop_clock_through_three_levels(catalogue, user_factory):
    adoption.adopt(ENTRY.key, header())
    author = user_factory(roles=[roles.TEAM_MEMBER])
    ketua = user_factory(roles=[roles.TEAM_LEAD])
    kabid = user_factory(roles=[roles.HEAD_OF_UNIT])
    kadis = user_factory(roles=[roles.HEAD_OF_OFFICE])
    course = CoursePageFactory(parent=catalogue)
    material = MaterialPageFactory(parent=course, title="Modul Anyaman", live=False, owner=author)
    material.save_revision(user=author)
    material.get_workflow().start(material, author)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(material.pk))

    review = MaterialReview.objects.get(page=material)
    assert review.state == "lead_review" and review.tracking_number.startswith("BHN-")
    calendar = office_calendar()

    def standard():
        review.refresh_from_db()
        return calendar.minutes_between(review.state_entered_at, review.state_due_at)

    assert standard() == ENTRY.step("3").time_value == 15
    approve_current(state, ketua)
    review.refresh_from_db()
    assert review.state == "unit_review" and standard() == 60
    approve_current(state, kabid)
    review.refresh_from_db()
    assert review.state == "office_review" and standard() == ENTRY.step("5").time_value == 15
    assert state.current_task_state.task.name == "Persetujuan Kepala Dinas"
    approve_current(state, kadis)
    review.refresh_from_db()
    material.refresh_from_db()
    assert review.state == "published" and material.live
    assert [e.transition for e in review.events()] == ["submit", "lead_approve", "unit_approve", "office_approve"]
    assert review.events().last().actor == kadis


@pytest.mark.django_db
def test_a_rejected_material_returns_to_the_step_that_asked_for_changes(catalogue, user_factory):
    author = user_factory(roles=[roles.TEAM_MEMBER])
    ketua = user_factory(roles=[roles.TEAM_LEAD])
    kabid = user_factory(roles=[roles.HEAD_OF_UNIT])
    course = CoursePageFactory(parent=catalogue)
    material = MaterialPageFactory(parent=course, title="Modul Tenun", live=False, owner=author)
    material.save_revision(user=author)
    material.get_workflow().start(material, author)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(material.pk))
    approve_current(state, ketua)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, kabid, "reject", comment="Lengkapi contoh motif.")
    review = MaterialReview.objects.get(page=material)
    assert review.state == "changes_requested"
    state.refresh_from_db()
    state.resume(author)
    review.refresh_from_db()
    assert review.state == "unit_review"
