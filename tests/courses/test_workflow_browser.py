"""The material review in real Chromium: the editor submits her draft in the Wagtail editor, the team
lead, the head of unit and the head of office (SOP step 5) approve with the editor's workflow buttons, and
only then is it live."""

import pytest

from wagtail.models import WorkflowState

from accounts import roles
from courses.factories import CourseIndexPageFactory, CoursePageFactory, MaterialPageFactory


def press(page, selector):
    # Footer actions sit in a dropdown; the click is dispatched to the button itself.
    page.locator(selector).first.dispatch_event("click")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_material_goes_through_review_before_publication(browser_page, login_in_browser, user_factory):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), title="Tari Gandrung untuk Pemula")
    editor = user_factory(roles=[roles.EDITOR])
    ketua = user_factory(roles=[roles.TEAM_LEAD])
    kabid = user_factory(roles=[roles.HEAD_OF_UNIT])
    kadis = user_factory(roles=[roles.HEAD_OF_OFFICE])
    page = browser_page

    # The editor's draft (written in the block editor in real life) is saved; she submits it for review.
    material = MaterialPageFactory(parent=course, title="Modul Gerak Dasar Gandrung", live=False)
    material.save_revision(user=editor)
    login_in_browser(page, editor)
    page.goto(f"/admin/pages/{material.pk}/edit/")
    page.fill("#id_learning_objectives", "Menguasai gerak dasar Gandrung")
    with page.expect_navigation():
        press(page, "button[name='action-submit']")
    material.refresh_from_db()
    assert not material.live and material.learning_objectives == "Menguasai gerak dasar Gandrung"

    reviews = (
        (ketua, "Telaah Ketua Tim Kerja"),
        (kabid, "Persetujuan Kepala Bidang"),
        (kadis, "Persetujuan Kepala Dinas"),
    )
    for reviewer, task_name in reviews:
        material.refresh_from_db()
        assert not material.live, f"live before {task_name}"
        state = WorkflowState.objects.get(object_id=str(material.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        assert state.current_task_state.task.name == task_name
        page.context.clear_cookies()
        login_in_browser(page, reviewer)
        page.goto(f"/admin/pages/{material.pk}/edit/")
        with page.expect_navigation():
            press(page, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")

    material.refresh_from_db()
    assert material.live
    page.goto(material.url)
    assert "Modul Gerak Dasar Gandrung" in page.content()
