"""A regional training in real Chromium, in Indonesian: the office moves it through SOP 003 in the
admin; two regions nominate through their personal links on a phone; the accepted candidates appear
as enrolments; the report is written and received."""

import io

import pytest
from openpyxl import Workbook

from django.urls import reverse

from accounts import roles
from enrolment.models import Enrolment
from events.factories import RegionalTrainingFactory, add_regions
from procedures import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def act(page, user, login, url, transition, fields=None):
    """Log in as ``user``, open the case view and submit the form of ``transition``."""
    login(page, user)
    page.goto(url)
    form = page.locator(f'form.case-action:has(input[name="transition"][value="{transition}"])')
    for name, value in (fields or {}).items():
        form.locator(f'[name="{transition}-{name}"]').fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def xlsx(rows):
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.append(["nama", "nik", "telepon", "email", "jabatan", "instansi"])
    for row in rows:
        worksheet.append(row)
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def test_plan_to_report_with_two_regions_nominating_on_a_phone(
    browser_page, phone_page, login_in_browser, user_factory, tmp_path
):
    from tests.events.conftest import make_course

    staff = {role: user_factory(roles=[role], is_staff=True) for role in roles.STAFF_ROLES}
    course = make_course()
    training = RegionalTrainingFactory(course=course, created_by=staff[roles.ADMIN_OFFICER])
    add_regions(training)
    services.perform(training, "submit", staff[roles.ADMIN_OFFICER])
    url = reverse("regional-trainings:inspect", args=[training.pk])
    page = browser_page

    act(page, staff[roles.HEAD_OF_UNIT], login_in_browser, url, "approve")
    assert "Kepala Bidang" in page.content() or "Rencana kerja" in page.content()
    act(page, staff[roles.HEAD_OF_UNIT], login_in_browser, url, "instruct")
    act(page, staff[roles.ADMIN_OFFICER], login_in_browser, url, "submit_drafts")
    act(page, staff[roles.HEAD_OF_UNIT], login_in_browser, url, "sign")
    training.refresh_from_db()
    assert training.state == "distribution" and training.letters().count() == 3
    act(page, staff[roles.ADMIN_OFFICER], login_in_browser, url, "distribute")
    training.refresh_from_db()
    assert training.state == "nominations"

    bondowoso, jember, _situbondo = training.regions.order_by("name")
    # Region 1 on a phone: sees its quota and the deadline, enters a candidate by hand.
    phone = phone_page
    phone.goto(reverse("events:nominate", args=[jember.token]))
    assert phone.locator("[data-testid=quota]").inner_text() == "3"
    assert "Kuota" in phone.content() and "Batas waktu" in phone.content()
    phone.fill("#id_full_name", "Ani Lestari")
    phone.fill("#id_nik", "3510014101900001")
    phone.fill("#id_phone", "081234567890")
    phone.fill("#id_position", "Staf Bidang Pelatihan")
    phone.fill("#id_agency", "Dinas Tenaga Kerja Kabupaten Jember")
    phone.click("form:has(input[value=add]) button[type=submit]")
    phone.wait_for_selector("text=Ani Lestari")
    assert phone.locator("[data-testid=seats-left]").inner_text() == "2"
    # Region 2 on a phone: uploads a spreadsheet.
    sheet = tmp_path / "calon-bondowoso.xlsx"
    sheet.write_bytes(xlsx([["Budi Santoso", "3510010202850002", "081298765432", "", "Instruktur", "BLK Bondowoso"]]))
    phone.goto(reverse("events:nominate", args=[bondowoso.token]))
    assert "Ani Lestari" not in phone.content()
    phone.set_input_files("#id_sheet", str(sheet))
    phone.click("form:has(input[value=upload]) button[type=submit]")
    phone.wait_for_selector("text=Budi Santoso")

    # The office sees who answered and who did not.
    login_in_browser(page, staff[roles.ADMIN_OFFICER])
    page.goto(reverse("regional-trainings:nominations", args=[training.pk]))
    assert "Ani Lestari" in page.content() and "Budi Santoso" in page.content()
    assert "1 wilayah belum menjawab" in page.content()

    act(page, staff[roles.ADMIN_OFFICER], login_in_browser, url, "close_nominations")
    enrolled = Enrolment.objects.filter(course=course)
    assert sorted(e.participant.full_name for e in enrolled) == ["Ani Lestari", "Budi Santoso"]
    assert {e.state for e in enrolled} == {"verification"}
    meeting = {
        "meeting_minutes": "Pembagian tugas panitia.",
        "meeting_attendees": "Kepala Bidang, Panitia",
        "meeting_decisions": "Registrasi ulang 07.30.",
    }
    act(page, staff[roles.TEAM_MEMBER], login_in_browser, url, "record_meeting", meeting)
    act(page, staff[roles.TEAM_MEMBER], login_in_browser, url, "finish_training")
    act(page, staff[roles.TEAM_MEMBER], login_in_browser, url, "submit_report")
    training.refresh_from_db()
    assert training.state == "acknowledgement" and training.report_pdf
    assert "Kabupaten Jember" in training.report_text
    act(page, staff[roles.HEAD_OF_OFFICE], login_in_browser, url, "acknowledge")
    training.refresh_from_db()
    assert training.state == "received"
