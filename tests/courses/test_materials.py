import pytest

from wagtail import hooks

from accounts import roles
from courses.factories import CoursePageFactory, MaterialAttachmentFactory, MaterialPageFactory
from courses.hooks import IS_COURSE_PARTICIPANT
from courses.models import MaterialPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalogue):
    return CoursePageFactory(parent=catalogue, title="Pembukuan UMKM")


@pytest.fixture
def restricted(course):
    material = MaterialPageFactory(
        parent=course, title="Lembar kerja kas", visibility=MaterialPage.Visibility.PARTICIPANTS
    )
    return MaterialAttachmentFactory(page=material)


def test_public_material_document_downloads_for_anyone(client, course):
    material = MaterialPageFactory(parent=course, title="Modul pembukuan")
    attachment = MaterialAttachmentFactory(page=material)
    response = client.get(attachment.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "/media/" not in attachment.document.url


def test_restricted_document_access(client, restricted, user_factory):
    url = restricted.document.url
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/akun/login/" in anonymous["Location"]

    other = user_factory()
    client.force_login(other)
    assert client.get(url).status_code == 403

    participant = user_factory()
    with hooks.register_temporarily(IS_COURSE_PARTICIPANT, lambda user, course: user == participant):
        client.force_login(participant)
        assert client.get(url).status_code == 200
        client.force_login(other)
        assert client.get(url).status_code == 403

    staff = user_factory(roles=[roles.INSTRUCTOR])
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_participant_hook_receives_the_class(restricted, user_factory):
    seen = []
    participant = user_factory()

    def fn(user, course):
        seen.append(course)
        return True

    with hooks.register_temporarily(IS_COURSE_PARTICIPANT, fn):
        assert restricted.page.user_can_download(participant)
    assert seen[0].title == "Pembukuan UMKM"


def test_material_page_hides_links_from_non_participants(client, restricted):
    response = client.get(restricted.page.url)
    assert response.status_code == 200
    assert restricted.document.url not in response.content.decode()
    assert response.context["can_download"] is False
