"""Class days: QR check-in, roll call, attendance rate, tests and the completion rule."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from enrolment import assessment, attendance, services
from enrolment.factories import question_bank
from enrolment.models import Attendance, CompletionRule, Enrolment, TestResult
from enrolment.signals import enrolment_completed

from .conftest import accept, session_around

pytestmark = pytest.mark.django_db

BANK = [
    ("Alat utama membatik?", ["Canting", "Kuas", "Pahat"], 0),
    ("Motif khas Banyuwangi?", ["Parang", "Gajah Oling", "Kawung"], 1),
    ("Bahan perintang warna?", ["Cat", "Lilin (malam)", "Air"], 1),
    ("Kain yang umum dipakai?", ["Katun primisima", "Plastik", "Kertas"], 0),
]


@pytest.fixture
def participant_user(user_factory):
    return user_factory(email="ani@contoh.test")


@pytest.fixture
def accepted(running_course, submitted, officer, participant_user):
    return accept(submitted(running_course, user=participant_user), officer)


# --- QR check-in ----------------------------------------------------------------------------


def test_check_in_with_current_code_marks_present_and_starts_the_class(running_course, accepted, participant_user):
    now = timezone.now()
    session = session_around(running_course, timezone.localtime(now), before=5)
    record = attendance.check_in(participant_user, session, attendance.current_code(session, now), now)
    assert record.status == Attendance.Status.PRESENT and record.method == Attendance.Method.QR
    accepted.refresh_from_db()
    assert accepted.state == "attending"


def test_code_of_the_previous_minute_is_accepted_older_refused(running_course, accepted, participant_user):
    now = timezone.now()
    session = session_around(running_course, timezone.localtime(now))
    one_minute_old = attendance.checkin_code(session.pk, attendance.time_bucket(now) - 1)
    two_minutes_old = attendance.checkin_code(session.pk, attendance.time_bucket(now) - 2)
    with pytest.raises(attendance.CheckInRefused):
        attendance.check_in(participant_user, session, two_minutes_old, now)
    assert attendance.check_in(participant_user, session, one_minute_old, now).status == "late"


def test_check_in_outside_the_session_is_refused(running_course, accepted, participant_user):
    now = timezone.now()
    session = session_around(running_course, timezone.localtime(now))
    later = session.ends_at + attendance.GRACE_AFTER + datetime.timedelta(minutes=1)
    with pytest.raises(attendance.CheckInRefused, match="closed"):
        attendance.check_in(participant_user, session, attendance.current_code(session, later), later)
    earlier = session.starts_at - attendance.GRACE_BEFORE - datetime.timedelta(minutes=1)
    with pytest.raises(attendance.CheckInRefused, match="closed"):
        attendance.check_in(participant_user, session, attendance.current_code(session, earlier), earlier)
    assert not Attendance.objects.exists()


def test_shared_link_is_useless_to_non_participants(running_course, accepted, user_factory, submitted):
    now = timezone.now()
    session = session_around(running_course, timezone.localtime(now))
    code = attendance.current_code(session, now)
    stranger = user_factory()
    with pytest.raises(attendance.CheckInRefused, match="accepted participants"):
        attendance.check_in(stranger, session, code, now)
    waiting_user = user_factory()
    submitted(running_course, user=waiting_user)  # registered but not verified
    with pytest.raises(attendance.CheckInRefused):
        attendance.check_in(waiting_user, session, code, now)


def test_check_in_page_get_changes_nothing_and_post_checks_in(client, running_course, accepted, participant_user):
    session = session_around(running_course, timezone.localtime())
    url = reverse("enrolment:check_in", args=[session.pk, attendance.current_code(session)])
    client.force_login(participant_user)
    assert client.get(url).status_code == 200
    assert not Attendance.objects.exists()
    response = client.post(url)
    assert response.status_code == 200
    assert Attendance.objects.get().enrolment == accepted
    stale = reverse("enrolment:check_in", args=[session.pk, "0123456789abcdef"])
    assert client.post(stale).status_code == 400


def test_instructor_qr_page_shows_the_current_code(client, running_course, instructor):
    session = session_around(running_course, timezone.localtime())
    client.force_login(instructor)
    response = client.get(reverse("enrolment:session_qr", args=[running_course.pk, session.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and attendance.current_code(session) in body
    assert 'http-equiv="refresh"' in body


def test_roll_call_saves_statuses_and_rate(client, running_course, accepted, submitted, officer, instructor):
    other = accept(submitted(running_course), officer)
    now = timezone.localtime()
    first = session_around(running_course, now - datetime.timedelta(hours=2), before=30, after=30, title="Pagi")
    second = session_around(running_course, now, title="Siang")
    client.force_login(instructor)
    url = reverse("enrolment:roll_call", args=[running_course.pk, first.pk])
    page = client.get(url)
    assert page.status_code == 200 and accepted.participant.full_name in page.content.decode()
    response = client.post(url, {f"e{accepted.pk}": "present", f"e{other.pk}": "absent"})
    assert response.status_code == 302
    client.post(reverse("enrolment:roll_call", args=[running_course.pk, second.pk]), {f"e{accepted.pk}": "late"})
    accepted = Enrolment.objects.get(pk=accepted.pk)
    assert accepted.state == "attending"
    assert accepted.attendance_summary == {"held": 2, "attended": 2, "rate": 100.0}
    assert Enrolment.objects.get(pk=other.pk).attendance_rate == 0


def test_roll_call_refuses_participants(client, running_course, accepted, participant_user):
    session = session_around(running_course, timezone.localtime())
    client.force_login(participant_user)
    assert client.get(reverse("enrolment:roll_call", args=[running_course.pk, session.pk])).status_code == 403


# --- Pre-test and post-test ------------------------------------------------------------------


def test_scoring_counts_correct_answers():
    class FakeChoice:
        def __init__(self, pk, ok):
            self.pk, self.is_correct = pk, ok

    class FakeQuestion:
        def __init__(self, pk, choices):
            self.pk, self._choices = pk, choices

        @property
        def choices(self):
            return self

        def all(self):
            return self._choices

    questions = [
        FakeQuestion(1, [FakeChoice(10, True), FakeChoice(11, False)]),
        FakeQuestion(2, [FakeChoice(20, False), FakeChoice(21, True)]),
        FakeQuestion(3, [FakeChoice(30, True)]),
    ]
    assert assessment.score(questions, {1: 10, 2: 20, 3: 30}) == (2, 3, Decimal("66.67"))
    assert assessment.score(questions, {}) == (0, 3, Decimal("0.00"))


def test_taking_the_pre_test_inside_its_slot(client, running_course, accepted, participant_user):
    questions = question_bank(running_course, BANK)
    session_around(running_course, timezone.localtime(), kind="pre_test", title="Pre test")
    client.force_login(participant_user)
    url = reverse("enrolment:take_test", args=[accepted.pk, "pre"])
    assert client.get(url).status_code == 200
    answers = {}
    for question, (_text, _choices, correct) in zip(questions, BANK, strict=True):
        choices = list(question.choices.order_by("sort_order"))
        answers[f"q{question.pk}"] = choices[correct if question.sort_order < 3 else (correct + 1) % 3].pk
    response = client.post(url, answers)
    assert response.status_code == 302
    result = TestResult.objects.get(enrolment=accepted, kind="pre")
    assert (result.correct, result.total, result.score) == (3, 4, Decimal("75.00"))
    # A second attempt does not replace the first.
    client.post(url, answers)
    assert TestResult.objects.filter(enrolment=accepted).count() == 1


def test_test_outside_its_slot_is_refused(running_course, accepted):
    question_bank(running_course, BANK)
    session_around(running_course, timezone.localtime() - datetime.timedelta(hours=3), kind="post_test")
    with pytest.raises(assessment.TestNotAvailable):
        assessment.submit_test(accepted, "post", {})
    assert assessment.available_tests(accepted) == []


def xlsx(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("nilai.xlsx", buffer.getvalue())


def test_score_import_reports_row_errors_and_saves_nothing(running_course, accepted, officer):
    upload = xlsx(
        [
            ["Nomor Pendaftaran", "Nama", "Pre-Test", "Post-Test"],
            [accepted.tracking_number, "Ani", 55, "abc"],
            ["PST-1999-00001", "Orang lain", 40, 50],
            [accepted.tracking_number, "Ani", 120, 80],
        ]
    )
    count, errors = assessment.import_scores(running_course, upload, officer)
    assert count == 0
    assert len(errors) == 3 and errors[0].startswith("Row 2") and "Row 3" in errors[1]
    assert not TestResult.objects.exists()


def test_score_import_and_averages(client, running_course, accepted, submitted, officer):
    other = accept(submitted(running_course), officer)
    upload = xlsx(
        [
            ["Nomor pendaftaran", "Nama", "Pre-test", "Post-test"],
            [accepted.tracking_number, "Ani", 50, 80],
            [other.tracking_number, "Budi", "60,5", None],
        ]
    )
    client.force_login(officer)
    response = client.post(reverse("enrolment:scores", args=[running_course.pk]), {"import": "1", "file": upload})
    assert response.status_code == 302
    accepted = Enrolment.objects.get(pk=accepted.pk)
    assert accepted.test_scores == (Decimal("50.00"), Decimal("80.00")) and accepted.gain == Decimal("30.00")
    averages = assessment.class_averages(running_course)
    assert averages["pre"] == pytest.approx(Decimal("55.25")) and averages["post"] == Decimal("80")
    # The gain pairs each participant's own scores: Budi took no post-test, so only Ani's 30 counts
    # (not 80 − 55.25 = 24.75, which compares different people).
    assert averages["gain"] == Decimal("30") and averages["paired"] == 1


def test_import_rejects_a_file_that_is_not_a_workbook(client, running_course, officer):
    client.force_login(officer)
    fake = SimpleUploadedFile("nilai.xlsx", b"MZ\x90\x00 not a workbook")
    response = client.post(reverse("enrolment:scores", args=[running_course.pk]), {"import": "1", "file": fake})
    assert response.status_code == 200
    assert "not an Excel workbook" in response.content.decode()


# --- Evaluation and the completion rule --------------------------------------------------------


def finish(enrolment, officer):
    services.open_evaluation(enrolment.course, officer)
    enrolment.refresh_from_db()
    return enrolment


def test_completion_passes_with_attendance_and_evaluation_and_fires_signal(
    running_course, accepted, officer, instructor, django_capture_on_commit_callbacks
):
    session = session_around(running_course, timezone.localtime(), before=60)
    Attendance.objects.create(enrolment=accepted, session=session, status="present")
    finish(accepted, officer)
    received = []

    def listener(sender, enrolment, **kwargs):
        received.append(enrolment.result)

    enrolment_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.evaluate(accepted, instructor, final_score=Decimal(82), feedback="Rapi dan kreatif")
    finally:
        enrolment_completed.disconnect(listener)
    accepted.refresh_from_db()
    assert accepted.state == "completed" and accepted.result == "passed" and accepted.completed_at
    assert received == ["passed"]


def test_low_attendance_fails_even_with_a_pass_decision(running_course, accepted, officer, instructor):
    for hours in (5, 3, 1):
        session_around(running_course, timezone.localtime() - datetime.timedelta(hours=hours), before=20, after=20)
    session = running_course.sessions.first()
    Attendance.objects.create(enrolment=accepted, session=session, status="present")
    finish(accepted, officer)
    services.evaluate(accepted, instructor, decision="pass")
    accepted.refresh_from_db()
    assert accepted.result == "failed"


def test_score_below_pass_mark_and_post_test_minimum(running_course, submitted, officer, instructor):
    CompletionRule.objects.create(
        course=running_course, min_attendance=0, pass_score=Decimal(70), min_post_test=Decimal(60)
    )
    low_score = accept(submitted(running_course), officer)
    low_post = accept(submitted(running_course), officer)
    good = accept(submitted(running_course), officer)
    TestResult.objects.create(enrolment=low_post, kind="post", score=Decimal(40))
    TestResult.objects.create(enrolment=good, kind="post", score=Decimal(75))
    TestResult.objects.create(enrolment=low_score, kind="post", score=Decimal(90))
    for enrolment in (low_score, low_post, good):
        finish(enrolment, officer)
    services.evaluate(low_score, instructor, final_score=Decimal(65))
    services.evaluate(low_post, instructor, final_score=Decimal(90))
    services.evaluate(good, instructor, final_score=Decimal(70))
    results = dict(Enrolment.objects.filter(course=running_course).values_list("pk", "result"))
    assert results == {low_score.pk: "failed", low_post.pk: "failed", good.pk: "passed"}


def test_evaluation_in_the_admin_case_view_with_a_photo(client, running_course, accepted, officer, instructor):
    from PIL import Image

    finish(accepted, officer)
    buffer = BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    client.force_login(instructor)
    url = reverse("enrolments:inspect", args=[accepted.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "transition": "complete",
            "complete-version": accepted.version,
            "complete-final_score": "88",
            "complete-evaluation_decision": "pass",
            "complete-feedback": "Karya rapi",
            "complete-work_photo": SimpleUploadedFile("karya.png", buffer.getvalue(), content_type="image/png"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    accepted.refresh_from_db()
    assert accepted.result == "passed" and accepted.work_photo.name.endswith(".jpg")


def test_evaluation_needs_a_score_or_a_decision(client, running_course, accepted, officer, instructor):
    finish(accepted, officer)
    client.force_login(instructor)
    response = client.post(
        reverse("enrolments:inspect", args=[accepted.pk]),
        {"transition": "complete", "complete-version": accepted.version},
    )
    assert response.status_code == 200
    accepted.refresh_from_db()
    assert accepted.state == "evaluation"


def test_opening_the_evaluation_waits_for_the_end_and_asks_first(client, running_course, accepted, officer):
    """ "Kelas selesai: buka evaluasi" moves the whole class: never before the last session, never in one click."""
    import time_machine

    session = session_around(running_course, timezone.localtime(), before=30, after=30)
    client.force_login(officer)
    client.cookies["portal_language"] = "id"
    url = reverse("enrolment:staff_open_evaluation", args=[running_course.pk])
    response = client.post(url, {"confirm": "yes"}, follow=True)
    assert "Kelas belum selesai" in response.content.decode()
    accepted.refresh_from_db()
    assert accepted.state == "accepted"

    ends = timezone.make_aware(datetime.datetime.combine(session.date, session.end_time))
    with time_machine.travel(ends + datetime.timedelta(minutes=5), tick=False):
        # Over half an hour later the staff session has timed out (idle limit): the officer signs in again.
        client.force_login(officer)
        page = client.get(url)
        assert page.status_code == 200 and "1 peserta" in page.content.decode()
        assert client.post(url).status_code == 200  # a POST without the confirmation asks again
        accepted.refresh_from_db()
        assert accepted.state == "accepted"
        client.post(url, {"confirm": "yes"})
        accepted.refresh_from_db()
        assert accepted.state == "evaluation"
