"""The material review of SOP "Penyiapan Bahan/Materi Diklat", driven through Wagtail's admin views."""

import pytest

from django.urls import reverse

from wagtail.models import Workflow, WorkflowState

from accounts import roles
from courses.factories import CoursePageFactory
from courses.models import MATERIAL_WORKFLOW_NAME, MaterialPage

pytestmark = pytest.mark.django_db


def _material_form(title):
    return {
        "title": title,
        "slug": "modul-tari",
        "description": '{"blocks":[{"key":"a","type":"unstyled","text":"Gerak dasar","depth":0,'
        '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "learning_objectives": "Menguasai gerak dasar",
        "visibility": "public",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }


def test_migration_creates_two_step_workflow():
    workflow = Workflow.objects.get(name=MATERIAL_WORKFLOW_NAME)
    tasks = [task.specific for task in workflow.tasks]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [
        [roles.TEAM_LEAD],
        [roles.HEAD_OF_UNIT],
        [roles.HEAD_OF_OFFICE],
    ]


def test_material_review_submit_request_changes_approve_publish(client, catalogue, user_factory):
    course = CoursePageFactory(parent=catalogue, title="Tari Gandrung untuk Pemula")
    editor = user_factory(roles=[roles.EDITOR])
    ketua = user_factory(roles=[roles.TEAM_LEAD])
    kabid = user_factory(roles=[roles.HEAD_OF_UNIT])
    kadis = user_factory(roles=[roles.HEAD_OF_OFFICE])

    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "materialpage", course.pk))
    # Publishing directly is refused: materials go through review.
    response = client.post(add_url, {**_material_form("Modul Tari"), "action-publish": "1"})
    assert not MaterialPage.objects.filter(title="Modul Tari").exists()
    response = client.post(add_url, {**_material_form("Modul Tari"), "action-submit": "1"})
    assert response.status_code == 302
    material = MaterialPage.objects.get(title="Modul Tari")
    assert not material.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(material.pk))
    assert state.current_task_state.task.name == "Telaah Ketua Tim Kerja"

    # Kabid cannot act on the ketua's step.
    client.force_login(kabid)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    task_state = state.current_task_state
    action_url = reverse("wagtailadmin_pages:workflow_action", args=(material.pk, "approve", task_state.pk))
    assert client.post(action_url, {}).status_code in (302, 403)
    state.refresh_from_db()
    assert state.current_task_state.pk == task_state.pk

    # The ketua sends it back with a comment.
    client.force_login(ketua)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(material.pk,))).status_code == 200
    reject_url = reverse("wagtailadmin_pages:workflow_action", args=(material.pk, "reject", task_state.pk))
    client.post(reject_url, {"comment": "Lengkapi tujuan pembelajaran."})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state.refresh_from_db()
    assert task_state.comment == "Lengkapi tujuan pembelajaran."

    # The editor fixes it and resubmits.
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(material.pk,))
    form = _material_form("Modul Tari")
    form["learning_objectives"] = "Menguasai gerak dasar\nMemahami ragam gerak"
    response = client.post(edit_url, {**form, "action-restart-workflow": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.filter(object_id=str(material.pk)).order_by("-pk").first()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(ketua)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(material.pk, "approve", state.current_task_state.pk)), {}
    )
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Persetujuan Kepala Bidang"
    material.refresh_from_db()
    assert not material.live

    client.force_login(kabid)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(material.pk, "approve", state.current_task_state.pk)), {}
    )
    state.refresh_from_db()
    # SOP step 5: the Level-1 official checks it last, and publishes it.
    assert state.current_task_state.task.name == "Persetujuan Kepala Dinas"
    client.force_login(kadis)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(material.pk, "approve", state.current_task_state.pk)), {}
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    material.refresh_from_db()
    assert material.live
    assert "Memahami ragam gerak" in material.learning_objectives


def test_classes_are_not_under_the_material_workflow(catalogue):
    course = CoursePageFactory(parent=catalogue)
    assert course.get_workflow() is None or course.get_workflow().name != MATERIAL_WORKFLOW_NAME
    assert MaterialPage(title="x").get_workflow().name == MATERIAL_WORKFLOW_NAME
