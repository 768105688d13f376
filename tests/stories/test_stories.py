import pytest

from wagtail.models import Site

from accounts import roles
from certificates.factories import passed_enrolment
from courses.factories import CategoryFactory, CourseIndexPageFactory, CoursePageFactory
from stories.factories import AlumniStoryFactory
from stories.models import AlumniStory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def catalogue(home):
    return CourseIndexPageFactory(parent=home)


@pytest.fixture
def course(catalogue):
    return CoursePageFactory(
        parent=catalogue, title="Anyaman Bambu", category=CategoryFactory(name="Kriya", slug="kriya")
    )


@pytest.fixture
def alumnus(user_factory, course):
    user = user_factory(email="sari@contoh.test", first_name="Sari")
    passed_enrolment(course, full_name="Sari Wulandari", user=user)
    return user


def test_alumnus_sends_a_story_with_consent_from_the_member_area(client, alumnus, course):
    client.force_login(alumnus)
    area = client.get("/saya/").content.decode()
    assert "/saya/cerita/" in area

    enrolment = alumnus.participant.enrolments.get()
    data = {"enrolment": enrolment.pk, "display_name": "Sari, Kemiren", "story": "Tas anyaman saya kini laku."}
    response = client.post("/saya/cerita/", data)
    assert response.status_code == 200  # consent is required
    assert "Tas anyaman saya kini laku." in response.content.decode()
    assert AlumniStory.objects.count() == 0

    response = client.post("/saya/cerita/", {**data, "consent": "on"})
    assert response.status_code == 302
    story = AlumniStory.objects.get()
    assert (story.author, story.course_id, story.status) == (alumnus, course.pk, "submitted")
    assert story.consent_at is not None
    assert "Menunggu pemeriksaan" in client.get("/saya/").content.decode()


def test_only_ones_own_completed_classes_can_be_chosen(client, alumnus, course, user_factory, catalogue):
    other_user = user_factory(email="lain@contoh.test")
    other = passed_enrolment(CoursePageFactory(parent=catalogue), full_name="Orang Lain", user=other_user)
    client.force_login(alumnus)
    response = client.post(
        "/saya/cerita/", {"enrolment": other.pk, "display_name": "X", "story": "Bukan kelas saya", "consent": "on"}
    )
    assert response.status_code == 200
    assert AlumniStory.objects.count() == 0

    client.force_login(user_factory(email="belum@contoh.test"))
    assert client.get("/saya/cerita/").status_code == 302  # nothing completed yet


def test_only_approved_stories_appear_on_class_and_category_pages(client, alumnus, course, catalogue):
    enrolment = alumnus.participant.enrolments.get()
    waiting = AlumniStoryFactory(enrolment=enrolment, story="Masih menunggu editor.")
    approved = AlumniStoryFactory(enrolment=enrolment, story="Sekarang saya melatih tetangga.", display_name="Sari")
    approved.review(AlumniStory.Status.APPROVED, None)
    rejected = AlumniStoryFactory(enrolment=enrolment, story="Ditolak editor.")
    rejected.review(AlumniStory.Status.REJECTED, None, "Terlalu pendek")

    for url in (course.url, catalogue.url + "?category=kriya"):
        html = client.get(url).content.decode()
        assert "Sekarang saya melatih tetangga." in html
        assert waiting.story not in html and rejected.story not in html
    other = client.get(catalogue.url + "?category=seni-tari").content.decode()
    assert "Sekarang saya melatih tetangga." not in other


def test_editor_reviews_in_the_admin_and_is_recorded(client, alumnus, user_factory):
    story = AlumniStoryFactory(enrolment=alumnus.participant.enrolments.get())
    editor = user_factory(email="editor@contoh.test", roles=[roles.EDITOR])
    client.force_login(editor)
    listing = client.get("/admin/snippets/stories/alumnistory/")
    assert listing.status_code == 200
    assert "Menunggu pemeriksaan" in listing.content.decode()
    assert client.get("/admin/snippets/stories/alumnistory/add/").status_code == 302  # editors never add one
    response = client.post(
        f"/admin/snippets/stories/alumnistory/edit/{story.pk}/",
        {"story": story.story, "status": "approved", "review_note": ""},
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == "approved"
    assert story.reviewed_by == editor and story.reviewed_at is not None


def test_alumnus_can_withdraw_a_story(client, alumnus, user_factory):
    story = AlumniStoryFactory(enrolment=alumnus.participant.enrolments.get())
    client.force_login(user_factory(email="orang.lain@contoh.test"))
    assert client.post(f"/saya/cerita/{story.pk}/tarik/").status_code == 404
    client.force_login(alumnus)
    assert client.post(f"/saya/cerita/{story.pk}/tarik/").status_code == 302
    assert not AlumniStory.objects.exists()
