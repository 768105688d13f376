"""The consultation follows its SOP ("Layanan Konsultasi dan Informasi Pasca Pelatihan"), read from the
library's data file: step 6 (the team lead orders the documentation) is its own step, the promise is
the SOP's total, and a consultation names the class the person attended."""

import datetime

import pytest

from django.urls import reverse

from accounts import roles
from consultations import services as consultation_services
from consultations.models import Consultation
from consultations.procedure import CODE, PROCEDURE
from courses.factories import CourseIndexPageFactory, CoursePageFactory
from enrolment.factories import EnrolmentFactory, ParticipantFactory
from procedures import services
from procedures.clock import office_calendar
from sops import adoption, library

ENTRY = library.for_procedure(CODE)


def sop_total_minutes(entry, calendar):
    total = entry.total_range().high
    return int(total.minutes + total.days * calendar.minutes_per_day)


def test_step_six_is_its_own_step_of_the_team_lead():
    sop_six = ENTRY.step("6")
    steps = [step for step in PROCEDURE.steps if step.sop_step == "6"]
    assert len(steps) == 1
    step = steps[0]
    assert step.roles == (roles.TEAM_LEAD,) and sop_six.actors == ("Ketua Tim Kerja",)
    assert step.default_minutes == sop_six.time_value == 10
    # It lies between the head of office's check (5) and the documentation and sending (7).
    into = [t for t in PROCEDURE.transitions if t.target == step.state]
    out = PROCEDURE.transitions_from(step.state)
    assert {PROCEDURE.step(s).sop_step for t in into for s in t.sources} == {"5"}
    assert {PROCEDURE.step(t.target).sop_step for t in out} == {"7"}


def test_every_step_of_the_sop_is_a_step_of_the_process():
    assert {step.sop_step for step in PROCEDURE.steps if step.sop_step} == set(ENTRY.step_labels())


@pytest.mark.django_db
def test_the_promise_is_the_sops_total_before_and_after_adoption():
    calendar = office_calendar()
    assert consultation_services.promise_minutes(calendar) == sop_total_minutes(ENTRY, calendar) == 130
    header = adoption.Adoption(
        issuer="Dinas Contoh",
        sop_number="800/14/SOP/2026",
        date_made=datetime.date(2026, 3, 2),
        date_effective=datetime.date(2026, 4, 1),
        approver_title="Kepala Dinas",
        approver_name="Drs. Ahmad Santoso",
        approver_nip="",
    )
    adoption.adopt(ENTRY.key, header)
    assert consultation_services.promise_minutes(calendar) == sop_total_minutes(ENTRY, calendar)


@pytest.mark.django_db
def test_the_team_lead_orders_the_documentation_before_the_answer_is_sent(user_factory):
    team = {role: user_factory(roles=[role]) for role in (roles.TEAM_MEMBER, roles.TEAM_LEAD, roles.HEAD_OF_UNIT)}
    team[roles.HEAD_OF_OFFICE] = user_factory(roles=[roles.HEAD_OF_OFFICE])
    alumnus = user_factory()
    consultation = Consultation(
        user=alumnus, applicant_name="Siti", applicant_email="siti@contoh.test", training="Batik", subject="Warna"
    )
    consultation.question = "Warna luntur?"
    consultation.start()
    services.perform(consultation, "submit", alumnus)
    services.perform(consultation, "forward", team[roles.TEAM_MEMBER])
    services.perform(consultation, "propose", team[roles.TEAM_LEAD], data={"answer": "Gunakan fiksasi."})
    services.perform(consultation, "unit_approve", team[roles.HEAD_OF_UNIT], data={"answer": "Gunakan fiksasi."})
    services.perform(consultation, "office_approve", team[roles.HEAD_OF_OFFICE])
    assert consultation.state == "documentation_order"
    assert [t.name for t in services.allowed_transitions(consultation, team[roles.TEAM_MEMBER])] == []
    minutes = office_calendar().minutes_between(consultation.state_entered_at, consultation.state_due_at)
    assert minutes == 10
    services.perform(consultation, "order_documentation", team[roles.TEAM_LEAD])
    assert consultation.state == "sending"
    services.perform(consultation, "send_answer", team[roles.TEAM_MEMBER])
    assert consultation.state == "answered"


QUESTION = {
    "applicant_name": "Siti Aminah",
    "applicant_email": "siti@contoh.test",
    "subject": "Toko sepi",
    "question": "Bagaimana menaikkan kunjungan toko?",
    "consent": "on",
}


@pytest.fixture
def enrolled(db, user_factory):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue, title="Pemasaran di Marketplace")
    other = CoursePageFactory(parent=catalogue, title="Kelas yang tidak diikuti")
    user = user_factory()
    enrolment = EnrolmentFactory(participant=ParticipantFactory(user=user), course=course)
    type(enrolment).objects.filter(pk=enrolment.pk).update(state="completed")
    return user, course, other


@pytest.mark.django_db
def test_a_participant_names_the_class_from_their_enrolments(client, enrolled):
    user, course, other = enrolled
    client.force_login(user)
    page = client.get(reverse("consultations:ask"))
    choices = dict(page.context["form"].fields["course_choice"].choices)
    assert choices[str(course.pk)] == "Pemasaran di Marketplace" and str(other.pk) not in choices
    # A class the person did not attend is refused.
    response = client.post(reverse("consultations:ask"), {**QUESTION, "course_choice": str(other.pk)})
    assert response.status_code == 200 and not Consultation.objects.exists()
    response = client.post(reverse("consultations:ask"), {**QUESTION, "course_choice": str(course.pk)})
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.course_id == course.pk and consultation.training == "Pemasaran di Marketplace"


@pytest.mark.django_db
def test_a_participant_may_name_another_training_in_words(client, enrolled):
    user, _course, _other = enrolled
    client.force_login(user)
    response = client.post(reverse("consultations:ask"), {**QUESTION, "course_choice": "other", "training": ""})
    assert response.status_code == 200 and not Consultation.objects.exists()
    client.post(reverse("consultations:ask"), {**QUESTION, "course_choice": "other", "training": "Pelatihan BLK"})
    consultation = Consultation.objects.get()
    assert consultation.course_id is None and consultation.training == "Pelatihan BLK"


@pytest.mark.django_db
def test_someone_without_enrolments_writes_the_training(client, user_factory):
    client.force_login(user_factory())
    page = client.get(reverse("consultations:ask"))
    assert "course_choice" not in page.context["form"].fields
    assert "130" not in page.content.decode()  # the promise is in words
    assert "2 jam 10 menit" in page.content.decode()
