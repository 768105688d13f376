"""SOP 003 step 7: the regions' links, quota and deadline, spreadsheets, clashes and reminders."""

import datetime
import io

import pytest
from openpyxl import Workbook

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from enrolment.factories import EnrolmentFactory, ParticipantFactory
from events import services
from events.factories import walk
from events.models import Candidate
from procedures.models import OutboxMessage

pytestmark = pytest.mark.django_db

GOOD = [
    ("Ani Lestari", "3510014101900001", "081234567890", "ani@contoh.test", "Staf", "Disnaker Jember"),
    ("Budi Santoso", "3510010202850002", "081234567891", "", "Instruktur", "BLK Jember"),
]


def person(nik, name="Siti Rahma"):
    return {"full_name": name, "nik": nik, "phone": "0812", "email": "", "position": "Staf", "agency": "Disnaker"}


def sheet(rows, header=("nama", "nik", "telepon", "email", "jabatan", "instansi")):
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.append(list(header))
    for row in rows:
        worksheet.append(list(row))
    data = io.BytesIO()
    workbook.save(data)
    return SimpleUploadedFile("calon.xlsx", data.getvalue())


@pytest.fixture
def open_training(training, staff):
    walk(training, staff, until="close_nominations")
    training.refresh_from_db()
    return training


@pytest.fixture
def regions(open_training):
    return list(open_training.regions.order_by("name"))  # Bondowoso (2), Jember (3), Situbondo (2)


def test_the_quota_is_enforced(regions):
    bondowoso = regions[0]
    services.nominate(bondowoso, person("3510014101900001"))
    services.nominate(bondowoso, person("3510010202850002"))
    with pytest.raises(ValidationError, match="quota is 2"):
        services.nominate(bondowoso, person("3510014303920003"))
    assert bondowoso.candidates.count() == 2


def test_the_deadline_is_enforced(regions, midday, client):
    jember = regions[1]
    midday.move_to(jember.training.nomination_deadline + datetime.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="deadline has passed"):
        services.nominate(jember, person("3510014101900001"))
    response = client.post(
        reverse("events:nominate", args=[jember.token]), {"action": "add", **person("3510014101900001")}
    )
    assert response.status_code == 200 and not jember.candidates.exists()
    assert "Nominations are closed" in response.content.decode()


def test_nominations_are_closed_before_distribution(training):
    region = training.regions.first()
    with pytest.raises(ValidationError, match="not open"):
        services.nominate(region, person("3510014101900001"))


def test_a_link_sees_and_changes_only_its_own_region(regions, client):
    bondowoso, jember = regions[0], regions[1]
    theirs = services.nominate(jember, person("3510014101900001", "Rahasia Jember"))
    page = client.get(reverse("events:nominate", args=[bondowoso.token])).content.decode()
    assert "Rahasia Jember" not in page and bondowoso.name in page
    response = client.post(
        reverse("events:nominate", args=[bondowoso.token]), {"action": "withdraw", "candidate": theirs.pk}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Candidate.Status.NOMINATED
    # The same person cannot be slipped in twice through another region either.
    with pytest.raises(ValidationError, match="already nominated"):
        services.nominate(bondowoso, person("3510014101900001"))
    # Its own candidate it may withdraw.
    mine = services.nominate(bondowoso, person("3510010202850002"))
    client.post(reverse("events:nominate", args=[bondowoso.token]), {"action": "withdraw", "candidate": mine.pk})
    mine.refresh_from_db()
    assert mine.status == Candidate.Status.WITHDRAWN


def test_a_good_spreadsheet_is_imported(regions, client):
    jember = regions[1]
    response = client.post(reverse("events:nominate", args=[jember.token]), {"action": "upload", "sheet": sheet(GOOD)})
    assert response.status_code == 302
    assert sorted(jember.candidates.values_list("full_name", flat=True)) == ["Ani Lestari", "Budi Santoso"]
    jember.refresh_from_db()
    assert jember.answered_at is not None


def test_a_spreadsheet_with_bad_rows_is_refused_row_by_row(regions, client):
    jember = regions[1]
    rows = [
        GOOD[0],
        ("", "3510010202850002", "0812", "", "Staf", "BLK"),  # row 3: no name
        ("Citra", "12345", "0812", "", "Staf", "BLK"),  # row 4: NIK too short
        ("Dewi", "3510014101900001", "0812", "bukan-email", "Staf", "BLK"),  # row 5: repeated NIK, bad email
    ]
    response = client.post(reverse("events:nominate", args=[jember.token]), {"action": "upload", "sheet": sheet(rows)})
    content = response.content.decode()
    assert response.status_code == 200 and not jember.candidates.exists()
    errors = content[content.index('data-testid="sheet-errors"') :]
    assert "Row 3" in errors and "name is missing" in errors
    assert "Row 4" in errors and "16 digits" in errors
    assert "Row 5" in errors and "already nominated" in errors and "email address is not valid" in errors
    assert "Row 2" not in errors


def test_a_spreadsheet_over_the_quota_imports_nothing(regions):
    bondowoso = regions[0]
    rows = [*GOOD, ("Citra Dewi", "3510014303920003", "0812", "", "Staf", "BLK")]
    result = services.import_sheet(bondowoso, sheet(rows))
    assert result.errors and "quota" in result.errors[0][1][0] and not bondowoso.candidates.exists()


def test_a_file_that_is_not_a_workbook_is_refused(regions):
    with pytest.raises(ValidationError, match="not an Excel"):
        services.import_sheet(regions[1], SimpleUploadedFile("calon.xlsx", b"nama,nik\n"))


def test_a_candidate_enrolled_elsewhere_at_the_same_time_is_flagged(regions, catalogue_course):
    participant = ParticipantFactory(nik="3510014101900001")
    EnrolmentFactory(participant=participant, course=catalogue_course, state="accepted")
    candidate = services.nominate(regions[1], person("3510014101900001"))
    assert catalogue_course.title in candidate.clash
    other = services.nominate(regions[1], person("3510010202850002"))
    assert other.clash == ""


@pytest.fixture
def catalogue_course(course):
    from courses.factories import CoursePageFactory

    return CoursePageFactory(
        parent=course.get_parent(), title="Kelas Menjahit", start_date=course.start_date, end_date=course.start_date
    )


def test_reminders_go_to_regions_that_have_not_answered(regions, staff, client):
    bondowoso, jember, situbondo = regions
    services.nominate(jember, person("3510014101900001"))
    client.force_login(staff[roles.ADMIN_OFFICER])
    url = reverse("regional-trainings:nominations", args=[jember.training.pk])
    page = client.get(url).content.decode()
    assert "2 regions have not answered" in page and bondowoso.name in page
    client.post(url, {"action": "remind_late"})
    reminded = OutboxMessage.objects.filter(dedupe_key__startswith="events:reminder:")
    assert sorted(m.recipients[0] for m in reminded) == sorted([bondowoso.officer_email, situbondo.officer_email])
    assert bondowoso.get_link_url() in reminded.get(recipients=[bondowoso.officer_email]).body


def test_the_office_accepts_or_refuses_and_only_the_accepted_are_enrolled(regions, staff, client, open_training):
    jember = regions[1]
    keep = services.nominate(jember, person("3510014101900001", "Ani Lestari"))
    drop = services.nominate(jember, person("3510010202850002", "Budi Santoso"))
    client.force_login(staff[roles.ADMIN_OFFICER])
    url = reverse("regional-trainings:nominations", args=[open_training.pk])
    client.post(url, {"action": "accept", "candidate": keep.pk})
    client.post(url, {"action": "refuse", "candidate": drop.pk})
    walk(open_training, staff, until="record_meeting")
    keep.refresh_from_db()
    drop.refresh_from_db()
    assert keep.enrolment.course_id == open_training.course_id and keep.enrolment.state == "verification"
    assert keep.enrolment.participant.nik == "3510014101900001" and drop.enrolment is None
    assert timezone.now()
