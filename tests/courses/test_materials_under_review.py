"""Materials under review stay private: while a material waits for approval (SOP "Penyiapan
Bahan/Materi Diklat"), its files are served only to staff and to its owner, even by URL."""

import pytest

from accounts import roles
from courses.factories import CoursePageFactory, DocumentFactory, MaterialAttachmentFactory, MaterialPageFactory
from courses.models import MaterialAttachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalogue):
    return CoursePageFactory(parent=catalogue, title="Tari Gandrung untuk Pemula")


@pytest.fixture
def people(user_factory):
    return {
        "author": user_factory(email="anggota@kantor.test", roles=[roles.TEAM_MEMBER]),
        "ketua": user_factory(email="ketua@kantor.test", roles=[roles.TEAM_LEAD]),
        "kabid": user_factory(email="kabid@kantor.test", roles=[roles.HEAD_OF_UNIT]),
        "visitor": user_factory(email="warga@contoh.test"),
    }


def submit_for_review(material, user):
    revision = material.save_revision(user=user)
    material.get_workflow().start(material, user)
    return revision


def fetch(client, url, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_a_new_material_in_review_is_private_until_approved(client, course, people):
    author, ketua, kabid = people["author"], people["ketua"], people["kabid"]
    material = MaterialPageFactory(parent=course, title="Modul Gerak Dasar", live=False, owner=author)
    document = DocumentFactory(title="Modul gerak dasar", uploaded_by_user=author)
    MaterialAttachmentFactory(page=material, document=document)
    submit_for_review(material, author)
    url = document.url

    assert fetch(client, url) == 302  # anonymous: to the login page, no file
    assert fetch(client, url, people["visitor"]) == 403
    assert fetch(client, url, author) == 200
    assert fetch(client, url, ketua) == 200

    # Both review steps approve: the material is published and its file is public.
    state = material.current_workflow_state
    while state.status == state.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        reviewer = ketua if task_state.task.specific.groups.filter(name=roles.TEAM_LEAD).exists() else kabid
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        state.refresh_from_db()
    material.refresh_from_db()
    assert material.live
    assert fetch(client, url) == 200


def test_a_file_added_by_a_version_in_review_is_private_the_published_ones_stay_public(client, course, people):
    author = people["author"]
    material = MaterialPageFactory(parent=course, title="Modul Kostum", owner=author)
    published = MaterialAttachmentFactory(page=material).document
    assert material.live and fetch(client, published.url) == 200

    # A new version adds a worksheet and goes to review; the live page still shows the old files.
    worksheet = DocumentFactory(title="Lembar kerja kostum", uploaded_by_user=author)
    material.attachments.add(MaterialAttachment(document=worksheet, sort_order=1))
    submit_for_review(material, author)
    assert not MaterialAttachment.objects.filter(document=worksheet).exists()  # only in the revision

    assert fetch(client, worksheet.url) == 302
    assert fetch(client, worksheet.url, people["visitor"]) == 403
    assert fetch(client, worksheet.url, author) == 200
    assert fetch(client, published.url) == 200


def test_a_draft_material_file_is_not_public_either(client, course, people):
    material = MaterialPageFactory(parent=course, title="Modul Draf", live=False, owner=people["author"])
    document = MaterialAttachmentFactory(page=material).document
    assert fetch(client, document.url) == 302
    assert fetch(client, document.url, people["visitor"]) == 403
    assert fetch(client, document.url, people["author"]) == 200
