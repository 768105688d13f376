"""Who drafts materials (Anggota Tim Kerja) and the closed way around the review (bulk publish)."""

import pytest

from django.urls import reverse

from wagtail.models import GroupPagePermission, WorkflowState

from accounts import roles
from courses.factories import CoursePageFactory, MaterialPageFactory
from courses.models import CoursePage, MaterialPage

from .test_workflow import _material_form

pytestmark = pytest.mark.django_db


def _codenames(page):
    return set(
        GroupPagePermission.objects.filter(group__name=roles.TEAM_MEMBER, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_new_catalogue_and_library_grant_team_members_add_and_change_only(catalogue, library):
    assert _codenames(catalogue) == {"add_page", "change_page"}
    assert _codenames(library) == {"add_page", "change_page"}


def test_team_member_drafts_a_material_and_submits_it_for_review(client, catalogue, library, user_factory):
    course = CoursePageFactory(parent=catalogue, title="Tari Gandrung untuk Pemula")
    member = user_factory(roles=[roles.TEAM_MEMBER])
    client.force_login(member)

    add_url = reverse("wagtailadmin_pages:add", args=("courses", "materialpage", course.pk))
    assert client.get(add_url).status_code == 200
    # No publish right: a "publish" submission does not make the material live.
    client.post(add_url, {**_material_form("Modul Tari"), "action-publish": "1"})
    assert not MaterialPage.objects.filter(live=True, title="Modul Tari").exists()

    response = client.post(add_url, {**_material_form("Modul Gerak"), "slug": "modul-gerak", "action-submit": "1"})
    assert response.status_code == 302
    material = MaterialPage.objects.get(title="Modul Gerak")
    assert not material.live
    state = WorkflowState.objects.get(object_id=str(material.pk))
    assert state.current_task_state.task.name == "Telaah Ketua Tim Kerja"

    # The same in the shared library.
    library_add = reverse("wagtailadmin_pages:add", args=("courses", "materialpage", library.pk))
    response = client.post(library_add, {**_material_form("Modul Umum"), "slug": "modul-umum", "action-submit": "1"})
    assert response.status_code == 302
    assert WorkflowState.objects.filter(object_id=str(MaterialPage.objects.get(title="Modul Umum").pk)).exists()


def test_team_member_cannot_create_or_edit_classes(client, catalogue, user_factory):
    course = CoursePageFactory(parent=catalogue, title="Batik Gajah Oling")
    member = user_factory(roles=[roles.TEAM_MEMBER])
    client.force_login(member)

    add_class = reverse("wagtailadmin_pages:add", args=("courses", "coursepage", catalogue.pk))
    response = client.get(add_class)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=(catalogue.pk,))
    client.post(add_class, {"title": "Kelas Liar", "slug": "kelas-liar", "action-submit": "1"})
    assert not CoursePage.objects.filter(slug="kelas-liar").exists()

    assert client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,))).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:edit", args=(catalogue.pk,))).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:copy", args=(course.pk,))).status_code == 302

    # An editor (page rights of their own) is not held back.
    editor = user_factory(roles=[roles.EDITOR, roles.TEAM_MEMBER])
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,))).status_code == 200


def _bulk_publish_url(pages, parent):
    ids = "&".join(f"id={page.pk}" for page in pages)
    next_url = reverse("wagtailadmin_explore", args=(parent.pk,))
    return reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?{ids}&next={next_url}"


def _draft_material(course, title):
    material = MaterialPageFactory(parent=course, title=title)
    material.unpublish()
    material.save_revision()
    return material


def test_bulk_publish_cannot_skip_the_material_review(client, catalogue, user_factory):
    course = CoursePageFactory(parent=catalogue, title="Pembukuan UMKM")
    material = _draft_material(course, "Modul Kas")
    editor = user_factory(roles=[roles.EDITOR])
    client.force_login(editor)

    url = _bulk_publish_url([material], course)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert [item["item"].pk for item in confirm.context["items"]] == []
    assert [entry["item"].pk for entry in confirm.context["items_with_no_access"]] == [material.pk]
    client.post(url, {})
    material.refresh_from_db()
    assert not material.live

    # Publishing the class "with its subpages" leaves the draft material to the review.
    course.unpublish()
    course.save_revision()
    client.post(_bulk_publish_url([course], catalogue), {"include_descendants": "on"})
    course.refresh_from_db()
    material.refresh_from_db()
    assert course.live
    assert not material.live


def test_superuser_may_still_bulk_publish_a_material(client, catalogue, user_factory):
    course = CoursePageFactory(parent=catalogue)
    material = _draft_material(course, "Modul Darurat")
    admin = user_factory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    client.post(_bulk_publish_url([material], course), {})
    material.refresh_from_db()
    assert material.live
