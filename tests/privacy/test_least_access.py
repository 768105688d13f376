"""Least access (UU PDP): NIK masked by default, instructors work only their own classes, exports logged.

The matrix: role × personal field (NIK, phone, address, disability, ID scan) × screen/export.
"""

import io

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse

from portal.nik import mask_nik
from privacy.models import AccessLog
from tests.privacy.conftest import NIK_A

PHONE = "081234567890"
ADDRESS = "Jl. Melati No. 7"
DISABILITY = "Kursi roda"
MASKED_NIK = "3510••••••••0001"


def test_the_one_mask():
    assert mask_nik(NIK_A) == MASKED_NIK
    assert mask_nik("") == ""


def xlsx_text(content):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(
        " ".join(str(cell) for cell in row if cell is not None) for row in sheet.iter_rows(values_only=True)
    )


def screen(client, user, name, enrolment):
    """The text a user gets from one screen or export about Sari's enrolment (or the status code)."""
    client.force_login(user)
    urls = {
        "case": reverse("enrolments:inspect", args=[enrolment.pk]),
        "profile": reverse("participants:inspect", args=[enrolment.participant.pk]),
        "class_day": reverse("enrolment:staff_course", args=[enrolment.course_id]),
        "class_list": reverse("enrolment:participants_xlsx", args=[enrolment.course_id]),
        "full_list": reverse("enrolment:participants_xlsx", args=[enrolment.course_id]) + "?lengkap=1",
        "my_profile": reverse("enrolment:profile"),
    }
    response = client.get(urls[name])
    if response.status_code != 200:
        return response.status_code
    if name.endswith("list"):
        return xlsx_text(response.content)
    return response.content.decode()


# Who sees what: (role, screen) -> the fields shown in full. Anything not listed must not appear in full.
FULL = {"nik": NIK_A, "phone": PHONE, "address": ADDRESS, "disability": DISABILITY}
MATRIX = [
    # the admin officer verifies the enrolment: the full record (SOP 000 step 2)
    ("officer", "case", {"nik", "phone", "address", "disability"}),
    ("officer", "profile", {"nik", "phone", "address", "disability"}),
    ("officer", "class_list", {"disability"}),  # exports are masked by default, even for the officer
    ("officer", "full_list", 403),  # full personal data needs the explicit permission
    # the class's instructor: accommodation yes, identity and contact no
    ("instructor", "case", {"disability"}),
    ("instructor", "profile", {"disability"}),
    ("instructor", "class_day", set()),
    ("instructor", "class_list", {"disability"}),
    ("instructor", "full_list", 403),
    # another class's instructor: nothing exists
    ("other_instructor", "case", 404),
    ("other_instructor", "profile", 404),
    ("other_instructor", "class_day", 404),
    ("other_instructor", "class_list", 404),
    # a staff member of another team
    ("editor", "case", 403),
    ("editor", "class_day", 403),
    ("editor", "class_list", 403),
    # the superuser holds the export permission
    ("superuser", "full_list", {"nik", "phone", "address", "disability"}),
    # the person
    ("person", "my_profile", {"nik", "phone", "address", "disability"}),
    ("person", "class_day", 403),
]


@pytest.mark.parametrize(("role", "name", "expected"), MATRIX, ids=[f"{r}-{n}" for r, n, _e in MATRIX])
def test_who_sees_what(request, client, in_a, in_b, role, name, expected):
    user = request.getfixturevalue(role)
    result = screen(client, user, name, in_a)
    if isinstance(expected, int):
        # 403 means "denied": a login redirect or 404 (nothing confirmed to exist) is as good.
        assert result == expected or (expected == 403 and result in (302, 404)), result
        return
    assert isinstance(result, str), result
    for field, value in FULL.items():
        if field in expected:
            assert value in result, f"{role} should see {field} on {name}"
        else:
            assert value not in result, f"{role} must not see {field} on {name}"
    if "nik" not in expected and name in ("case", "profile", "class_list"):
        assert MASKED_NIK in result
    # Another class's participant never appears.
    assert "Budi Santoso" not in result and "085711112222" not in result


def test_the_instructors_case_view_shows_the_masked_nik_and_the_officers_the_full_one(
    client, in_a, instructor, officer
):
    client.force_login(instructor)
    html = client.get(reverse("enrolments:inspect", args=[in_a.pk])).content.decode()
    assert MASKED_NIK in html and NIK_A not in html
    client.force_login(officer)
    html = client.get(reverse("enrolments:inspect", args=[in_a.pk])).content.decode()
    assert NIK_A in html


def test_instructor_of_class_a_gets_404_on_every_screen_of_class_b(client, in_a, in_b, instructor):
    client.force_login(instructor)
    course = in_b.course
    session = course.sessions.first()
    for url in [
        reverse("enrolment:staff_course", args=[course.pk]),
        reverse("enrolment:scores", args=[course.pk]),
        reverse("enrolment:score_sheet", args=[course.pk]),
        reverse("enrolment:participants_xlsx", args=[course.pk]),
        reverse("enrolment:report", args=[course.pk]),
        reverse("enrolment:roll_call", args=[course.pk, session.pk]),
        reverse("enrolment:session_qr", args=[course.pk, session.pk]),
        reverse("enrolment:attendance_sheet", args=[course.pk, session.pk]),
        reverse("enrolments:inspect", args=[in_b.pk]),
        reverse("participants:inspect", args=[in_b.participant.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for url in [
        reverse("enrolment:staff_start", args=[course.pk]),
        reverse("enrolment:staff_open_evaluation", args=[course.pk]),
    ]:
        assert client.post(url).status_code == 404, url
    # Their own class works, and the lists show only their classes.
    assert client.get(reverse("enrolment:staff_course", args=[in_a.course_id])).status_code == 200
    index = client.get(reverse("enrolment:staff_index")).content.decode()
    assert "Kelas A Anyaman" in index and "Kelas B Batik" not in index
    queue = client.get(reverse("enrolments:index")).content.decode()
    assert "Sari Dewi" in queue and "Budi Santoso" not in queue
    participants = client.get(reverse("participants:index")).content.decode()
    assert "Sari Dewi" in participants and "Budi Santoso" not in participants


def test_the_evaluation_is_the_instructors_of_the_class(client, in_a, officer, instructor, other_instructor):
    from enrolment import services
    from procedures.services import TransitionNotAllowed

    services.start_class(in_a.course, instructor)
    services.open_evaluation(in_a.course, instructor)
    in_a.refresh_from_db()
    assert in_a.state == "evaluation"
    for outsider in (officer, other_instructor):
        with pytest.raises(TransitionNotAllowed):
            services.evaluate(in_a, outsider, final_score=90)
    services.evaluate(in_a, instructor, final_score=90)
    in_a.refresh_from_db()
    assert in_a.state == "completed" and in_a.evaluated_by == instructor


def test_full_export_needs_the_permission_and_is_logged(client, in_a, officer):
    client.force_login(officer)
    url = reverse("enrolment:participants_xlsx", args=[in_a.course_id])
    assert client.get(url + "?lengkap=1").status_code == 403
    officer.user_permissions.add(Permission.objects.get(codename="export_full_personal_data"))
    officer = type(officer).objects.get(pk=officer.pk)
    client.force_login(officer)
    response = client.get(url + "?lengkap=1&alasan=Laporan+BPS")
    assert response.status_code == 200 and NIK_A in xlsx_text(response.content)
    entry = AccessLog.objects.get(action="export", full_data=True)
    assert entry.actor == officer and entry.person_user == in_a.participant.user and entry.reason == "Laporan BPS"
    # The masked one is logged too, as masked.
    client.get(url)
    assert AccessLog.objects.filter(action="export", full_data=False, person_user=in_a.participant.user).count() == 1
    # No log line carries a NIK.
    assert not AccessLog.objects.filter(what__contains=NIK_A).exists()


def test_viewing_a_record_and_downloading_a_file_are_logged(client, in_a, officer):
    client.force_login(officer)
    client.get(reverse("enrolments:inspect", args=[in_a.pk]))
    client.get(reverse("participants:inspect", args=[in_a.participant.pk]))
    entries = AccessLog.objects.filter(action="view", person_user=in_a.participant.user, actor=officer)
    assert entries.count() == 2


def test_access_log_is_for_the_superuser_and_filters_by_person(client, in_a, in_b, officer, superuser):
    client.force_login(officer)
    client.get(reverse("enrolments:inspect", args=[in_a.pk]))
    client.get(reverse("enrolments:inspect", args=[in_b.pk]))
    assert client.get(reverse("privacy_access_log:index")).status_code in (302, 403)
    client.force_login(superuser)
    html = client.get(reverse("privacy_access_log:index") + "?person=sari@contoh.test").content.decode()
    assert "Sari Dewi" in html and "Budi Santoso" not in html
