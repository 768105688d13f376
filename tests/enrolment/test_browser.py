"""The participant's journey on a phone: enrol, accepted, QR check-in, pre-/post-test, lulus."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone

from courses.factories import CoursePageFactory, CourseSessionFactory
from enrolment import attendance, services
from enrolment.factories import make_nik, question_bank
from enrolment.models import Enrolment
from tests.enrolment.conftest import teach

from .conftest import session_around

BANK = [
    ("Alat untuk menorehkan malam pada kain?", ["Canting", "Gunting", "Jarum"], 0),
    ("Motif khas Banyuwangi?", ["Kawung", "Gajah Oling", "Truntum"], 1),
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_participant_journey_on_a_phone(phone_page, login_in_browser, user_factory, catalogue):
    page = phone_page
    officer = user_factory(email="petugas@contoh.test", roles=["Petugas Administrasi"])
    instructor = user_factory(email="instruktur@contoh.test", roles=["Instruktur"])
    user = user_factory(email="wulan@contoh.test", first_name="Wulan", last_name="Handayani")
    course = CoursePageFactory(parent=catalogue, title="Batik Gajah Oling", slug="batik-gajah-oling", capacity=10)
    CourseSessionFactory(page=course, title="Materi pewarnaan")
    teach(course, instructor)  # instructors work only their own classes
    question_bank(course, BANK)
    login_in_browser(page, user)

    # Enrol from the class page.
    page.goto(course.url)
    page.locator("a.enrol-box__button").click()
    page.get_by_label("NIK").fill(make_nik(datetime.date(1996, 3, 9), female=True, serial=44))
    page.locator("#id_birth_date").fill("1996-03-09")
    page.locator("#id_gender").select_option("female")
    page.locator("#id_phone").fill("081255566677")
    page.locator("#id_address").fill("Desa Kemiren, Kecamatan Glagah")
    page.locator("#id_regency").fill("Banyuwangi")
    page.locator("#id_education").select_option("sma")
    page.locator("#id_occupation").fill("Perajin batik")
    page.locator("#id_current_skills").fill("Membatik tulis")
    page.locator("#id_training_needs").fill("Pewarnaan alam")
    page.locator("#id_consent").check()
    page.locator("form.enrol-form button[type=submit]").click()
    page.wait_for_url("**/peserta/kelas/*/")
    enrolment = Enrolment.objects.get(participant__user=user)
    assert page.get_by_text(enrolment.tracking_number, exact=True).is_visible()

    # Verified and accepted by the admin officer; the class day comes.
    services.decide(enrolment, officer)
    now = timezone.localtime()
    course.start_date = course.end_date = now.date()
    course.save()
    course.sessions.all().delete()
    material = session_around(course, now, title="Materi pewarnaan")
    session_around(course, now, kind="pre_test", title="Pre test")
    session_around(course, now, kind="post_test", title="Post test")

    # Check in with the QR's link (the code the instructor's screen shows now).
    page.goto(reverse("enrolment:check_in", args=[material.pk, attendance.current_code(material)]))
    page.locator("button.big-button").click()
    page.locator(".check-in__done").wait_for()

    # Pre-test (one right) and post-test (both right) on the phone.
    for kind, answers in (("pre", ["Canting", "Kawung"]), ("post", ["Canting", "Gajah Oling"])):
        page.goto(reverse("enrolment:detail", args=[enrolment.pk]))
        page.locator(f"a[href$='/tes/{kind}/']").click()
        for answer in answers:
            page.get_by_label(answer, exact=True).check()
        page.locator(".test-form button[type=submit]").click()
        page.wait_for_url(f"**/tes/{kind}/")
    enrolment = Enrolment.objects.get(pk=enrolment.pk)
    assert enrolment.test_scores == (Decimal("50.00"), Decimal("100.00"))
    assert enrolment.attendance_rate == 100

    # The instructor evaluates; the member area shows "lulus".
    services.open_evaluation(course, instructor)
    services.evaluate(Enrolment.objects.get(pk=enrolment.pk), instructor, final_score=Decimal(85))
    page.goto(reverse("accounts:member_area"))
    assert page.locator("a.record-list__title", has_text="Batik Gajah Oling").is_visible()
    assert page.locator(".badge--ok").filter(has_text="lulus").first.is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
