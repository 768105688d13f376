"""Enrolment from the class page, the member area, privacy, walk-ins and claims, exports."""

import io

import pytest

from django.core import mail
from django.urls import reverse

from enrolment import claims
from enrolment.factories import make_nik
from enrolment.models import Attendance, Enrolment, Participant
from procedures import services as core

from .conftest import accept, session_around

pytestmark = pytest.mark.django_db


def profile_data(**overrides):
    import datetime

    birth = datetime.date(1995, 4, 17)
    data = {
        "full_name": "Siti Rahmawati",
        "email": "siti@contoh.test",
        "nik": make_nik(birth, female=True, serial=12),
        "birth_date": "1995-04-17",
        "gender": "female",
        "phone": "081233344455",
        "address": "Dusun Krajan RT 02 RW 01, Desa Kemiren",
        "regency": "Banyuwangi",
        "education": "sma",
        "occupation": "Perajin batik",
        "disability": "",
        "current_skills": "Membatik tulis dasar",
        "training_needs": "Pewarnaan alam dan pemasaran",
        "consent": "on",
        "motivation": "Ingin membuka usaha",
    }
    data.update(overrides)
    return data


def test_class_page_button_for_anonymous_and_logged_in(client, course, user_factory):
    response = client.get(course.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("enrolment:enrol", args=[course.pk]) in body
    enrol_url = reverse("enrolment:enrol", args=[course.pk])
    assert client.get(enrol_url).status_code == 302  # login first, then back here
    assert "next=" in client.get(enrol_url)["Location"]


def test_first_enrolment_creates_the_profile_and_a_double_submit_creates_one(
    client, course, user_factory, django_capture_on_commit_callbacks
):
    user = user_factory(email="siti@contoh.test")
    client.force_login(user)
    url = reverse("enrolment:enrol", args=[course.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, profile_data())
        second = client.post(url, profile_data())
    assert first.status_code == 302 and second.status_code == 302
    enrolment = Enrolment.objects.get()
    assert enrolment.state == "verification" and enrolment.tracking_number.startswith("PST-")
    assert enrolment.participant.user == user and enrolment.participant.consent_at
    assert first["Location"] == second["Location"] == reverse("enrolment:detail", args=[enrolment.pk])
    assert any("siti@contoh.test" in m.to for m in mail.outbox)
    # The profile is reused (prefilled) for the next class.
    from courses.factories import CoursePageFactory

    other = CoursePageFactory(parent=course.get_parent())
    page = client.get(reverse("enrolment:enrol", args=[other.pk]))
    assert "Perajin batik" in page.content.decode()


def test_implausible_nik_and_birth_date_mismatch_keep_the_input(client, course, user_factory):
    client.force_login(user_factory())
    url = reverse("enrolment:enrol", args=[course.pk])
    response = client.post(url, profile_data(nik="１２３４５６７８９０１２３４５６"))
    assert response.status_code == 200 and "16 digits" in response.content.decode()
    response = client.post(url, profile_data(birth_date="1995-04-18"))
    assert "does not match the NIK" in response.content.decode()
    assert "Perajin batik" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_closed_registration_refuses(client, catalogue, user_factory):
    import datetime

    from django.utils import timezone

    from courses.factories import CoursePageFactory

    closed = CoursePageFactory(parent=catalogue, registration_closes=timezone.now() - datetime.timedelta(days=1))
    client.force_login(user_factory())
    response = client.post(reverse("enrolment:enrol", args=[closed.pk]), profile_data())
    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def test_another_participants_enrolment_is_404(client, course, submitted, user_factory):
    owner, stranger = user_factory(), user_factory()
    enrolment = submitted(course, user=owner)
    client.force_login(stranger)
    for name in ("detail", "withdraw", "work_photo"):
        assert client.get(reverse(f"enrolment:{name}", args=[enrolment.pk])).status_code == 404
    assert client.get(reverse("enrolment:take_test", args=[enrolment.pk, "pre"])).status_code == 404
    client.force_login(owner)
    assert client.get(reverse("enrolment:detail", args=[enrolment.pk])).status_code == 200


def test_member_area_lists_my_classes_with_waitlist_position_and_withdraw(
    client, course, submitted, officer, user_factory
):
    for _ in range(2):
        accept(submitted(course), officer)
    user = user_factory()
    mine = accept(submitted(course, user=user), officer)
    client.force_login(user)
    body = client.get(reverse("accounts:member_area")).content.decode()
    assert course.title in body and "waiting list number 1" in body
    response = client.post(reverse("enrolment:withdraw", args=[mine.pk]))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.state == "withdrawn"


def test_send_back_and_resubmit(client, course, submitted, officer, user_factory):
    user = user_factory()
    enrolment = submitted(course, user=user)
    core.perform(enrolment, "send_back", officer, note="Lengkapi alamat sesuai KTP")
    client.force_login(user)
    page = client.get(reverse("enrolment:detail", args=[enrolment.pk])).content.decode()
    assert "Lengkapi alamat sesuai KTP" in page
    data = profile_data(
        nik=enrolment.participant.nik,
        birth_date=enrolment.participant.birth_date.isoformat(),
        gender=enrolment.participant.gender,
    )
    response = client.post(reverse("enrolment:resubmit", args=[enrolment.pk]), data)
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.state == "verification"


@pytest.mark.parametrize(
    "role,transition,allowed",
    [
        ("Petugas Administrasi", "accept", True),
        ("Instruktur", "accept", False),
        ("Kepala Bidang", "reject", False),
        ("Petugas Administrasi", "reject", True),
        ("Instruktur", "start", False),  # only from "accepted"
    ],
)
def test_role_matrix_on_verification(course, submitted, user_factory, role, transition, allowed):
    from procedures import services as core

    enrolment = submitted(course)
    user = user_factory(roles=[role])
    assert core.can_perform(enrolment, enrolment.procedure.transition(transition), user) is allowed


def test_walk_in_without_account_then_claim(client, course, officer, user_factory, django_capture_on_commit_callbacks):
    client.force_login(officer)
    data = profile_data(email="walkin@contoh.test", course=course.pk, accept_now="on")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("enrolment:walk_in"), data)
    assert response.status_code == 302
    participant = Participant.objects.get()
    assert participant.user is None and participant.registered_by == officer
    enrolment = participant.enrolments.get()
    assert enrolment.walk_in and enrolment.state == "accepted"
    claim_mail = next(m for m in mail.outbox if "walkin@contoh.test" in m.to and "/peserta/klaim/" in m.body)
    link = next(line for line in claim_mail.body.splitlines() if "/peserta/klaim/" in line).strip()
    path = link.replace("http://testserver", "")
    # Someone else's account cannot take the profile.
    client.force_login(user_factory(email="lain@contoh.test"))
    assert client.post(path).status_code == 400
    owner = user_factory(email="WalkIn@contoh.test")
    client.force_login(owner)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    participant.refresh_from_db()
    assert participant.user == owner
    assert client.get(reverse("enrolment:detail", args=[enrolment.pk])).status_code == 200
    assert (
        client.get(reverse("enrolment:claim", args=["tampered" + claims.make_token(participant)])).status_code == 400
    )


def test_walk_in_is_for_the_admin_officer_only(client, instructor, user_factory):
    client.force_login(instructor)
    assert client.get(reverse("enrolment:walk_in")).status_code == 403
    client.force_login(user_factory())
    assert client.get(reverse("enrolment:staff_index")).status_code == 403


def test_materials_hook_counts_accepted_participants(course, submitted, officer, user_factory):
    from courses.hooks import is_course_participant

    user = user_factory()
    enrolment = submitted(course, user=user)
    assert not is_course_participant(user, course)
    accept(enrolment, officer)
    assert is_course_participant(user, course)
    assert is_course_participant(user, None)


# --- Exports ------------------------------------------------------------------------------------


def test_participant_list_xlsx_escapes_formulas(client, course, submitted, officer):
    from openpyxl import load_workbook

    accept(submitted(course, full_name='=HYPERLINK("http://evil")', occupation="+62 Petani"), officer)
    submitted(course, full_name="Budi Santoso")
    client.force_login(officer)
    response = client.get(reverse("enrolment:participants_xlsx", args=[course.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    names = sorted(row[1] for row in rows[1:])
    assert names == ['\'=HYPERLINK("http://evil")', "Budi Santoso"]
    assert any(row[10] == "'+62 Petani" for row in rows[1:])
    assert all(isinstance(row[2], str) and len(row[2]) == 16 for row in rows[1:])


def test_attendance_sheet_and_report_pdfs(client, running_course, submitted, officer):
    from pypdf import PdfReader

    from django.utils import timezone

    present = accept(submitted(running_course, full_name="Dewi Anggraini", regency="Jember"), officer)
    absent = accept(submitted(running_course, full_name="Rudi Hartono", regency="Banyuwangi", gender="male"), officer)
    submitted(running_course, full_name="Belum Diverifikasi")
    session = session_around(running_course, timezone.localtime(), title="Materi Pewarnaan")
    Attendance.objects.create(enrolment=present, session=session, status="present")
    Attendance.objects.create(enrolment=absent, session=session, status="absent")
    client.force_login(officer)
    sheet = client.get(reverse("enrolment:attendance_sheet", args=[running_course.pk, session.pk]))
    assert sheet["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet.content)).pages)
    assert "Dewi Anggraini" in text and "Rudi Hartono" in text and "Materi Pewarnaan" in text
    assert "Belum Diverifikasi" not in text
    report = client.get(reverse("enrolment:report", args=[running_course.pk]))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(report.content)).pages)
    assert "Jember" in text and "Banyuwangi" in text and "Materi Pewarnaan" in text
    assert "50" in text  # one of two seated participants present in the session


def test_error_summary_names_the_nik_once(client, course, user_factory):
    client.force_login(user_factory())
    client.cookies["portal_language"] = "id"
    url = reverse("enrolment:enrol", args=[course.pk])
    html = client.post(url, profile_data(nik="1234567890123456")).content.decode()
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert summary.count("NIK") == 1, summary
    assert "NIK tidak memuat tanggal lahir yang valid." in summary
