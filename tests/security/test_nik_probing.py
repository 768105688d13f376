"""Issue 14: NIK probing. The participant forms answer the same whether a NIK is registered or not; a clash
goes to a staff review queue instead of locking the real person out; the profile form is rate-limited;
a walk-in with a known NIK never silently overwrites that person's profile."""

import datetime

import pytest

from django.core.cache import cache
from django.urls import reverse

from enrolment.factories import ParticipantFactory, make_nik
from enrolment.models import Enrolment, Participant
from tests.enrolment.test_views import profile_data

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(1995, 4, 17)
NIK = make_nik(BIRTH, female=True, serial=12)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course(db):
    from wagtail.models import Site

    from courses.factories import CourseIndexPageFactory, CoursePageFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    return CoursePageFactory(parent=CourseIndexPageFactory(parent=home), capacity=2)


@pytest.fixture
def officer(user_factory):
    return user_factory(email="petugas@contoh.test", roles=["Petugas Administrasi"])


@pytest.fixture
def squatter():
    """Someone registered the real person's NIK first, under another name."""
    return ParticipantFactory(nik=NIK, birth_date=BIRTH, full_name="Orang Lain", phone="089999999999")


def _shape(response):
    """What the visitor learns from an answer: status, where it leads, which fields have errors."""
    form = response.context["form"] if response.context and "form" in response.context else None
    return response.status_code, response.get("Location", "").split("/")[1:3], sorted(form.errors) if form else []


def test_the_enrol_form_answers_the_same_for_a_registered_and_an_unused_nik(client, course, user_factory, squatter):
    url = reverse("enrolment:enrol", args=[course.pk])
    client.force_login(user_factory(email="siti@contoh.test"))
    registered = client.post(url, profile_data(nik=NIK))
    client.force_login(user_factory(email="budi@contoh.test"))
    unused = client.post(url, profile_data(nik=make_nik(BIRTH, female=True, serial=77), email="budi@contoh.test"))
    assert _shape(registered) == _shape(unused)
    assert registered.status_code == 302
    # Nobody is locked out: the real person is enrolled, the NIK awaits staff review.
    real = Participant.objects.get(user__email="siti@contoh.test")
    assert real.nik is None and real.nik_review == NIK
    assert Enrolment.objects.filter(participant=real, course=course).exists()
    squatter.refresh_from_db()
    assert squatter.nik == NIK and squatter.full_name == "Orang Lain"


def test_the_profile_form_answers_the_same_and_is_rate_limited(client, course, user_factory, squatter):
    user = user_factory(email="siti@contoh.test")
    mine = ParticipantFactory(user=user, birth_date=BIRTH, gender="female", email="siti@contoh.test")
    own_nik = mine.nik
    client.force_login(user)
    url = reverse("enrolment:profile")
    registered = client.post(url, profile_data(nik=NIK))
    unused = client.post(url, profile_data(nik=make_nik(BIRTH, female=True, serial=78)))
    assert _shape(registered) == _shape(unused) and registered.status_code == 302
    statuses = [
        client.post(url, profile_data(nik=make_nik(BIRTH, female=True, serial=100 + n))).status_code for n in range(15)
    ]
    assert 302 not in statuses[-3:]
    mine.refresh_from_db()
    assert mine.nik != NIK and own_nik != NIK


def test_staff_see_the_nik_clash_queue(client, course, user_factory, squatter):
    client.force_login(user_factory(email="siti@contoh.test"))
    client.post(reverse("enrolment:enrol", args=[course.pk]), profile_data(nik=NIK))
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    queue = client.get(reverse("participants:index"), {"nik_in_review": "true"})
    assert queue.status_code == 200
    body = queue.content.decode()
    assert "Siti Rahmawati" in body and "Orang Lain" not in body


def test_a_walk_in_with_a_known_nik_never_overwrites_the_profile(client, course, officer, squatter):
    client.force_login(officer)
    data = profile_data(nik=NIK, full_name="Nama Baru", phone="081200000000", course=course.pk)
    response = client.post(reverse("enrolment:walk_in"), data)
    assert response.status_code == 200 and "existing_choice" in response.context["form"].errors
    squatter.refresh_from_db()
    assert squatter.full_name == "Orang Lain" and squatter.phone == "089999999999"
    assert not Enrolment.objects.exists()

    # "The registered person": enrolled with their profile as it is.
    response = client.post(reverse("enrolment:walk_in"), {**data, "existing_choice": "existing"})
    assert response.status_code == 302
    squatter.refresh_from_db()
    assert squatter.full_name == "Orang Lain" and squatter.phone == "089999999999"
    assert Enrolment.objects.get().participant == squatter


def test_a_walk_in_clash_can_go_to_review(client, course, officer, squatter):
    client.force_login(officer)
    data = profile_data(nik=NIK, full_name="Nama Baru", course=course.pk, existing_choice="review")
    assert client.post(reverse("enrolment:walk_in"), data).status_code == 302
    squatter.refresh_from_db()
    assert squatter.full_name == "Orang Lain"
    new = Participant.objects.get(full_name="Nama Baru")
    assert new.nik is None and new.nik_review == NIK
