"""The admin screens: the plan form (step 1 submits), the case view with its panels, the nominations screen."""

import pytest

from django.urls import reverse

from accounts import roles
from events.factories import walk
from events.models import RegionalTraining

pytestmark = pytest.mark.django_db


def inline(prefix, rows):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"}
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-DELETE"] = ""
    return data


def test_staff_write_the_plan_and_it_goes_to_the_head_of_unit(client, staff, course):
    client.force_login(staff[roles.ADMIN_OFFICER])
    url = reverse("regional-trainings:add")
    assert client.get(url).status_code == 200
    data = {
        "title": "Pelatihan Barista",
        "objectives": "Peserta mampu menyeduh kopi manual.",
        "start_date": "2026-11-23",
        "end_date": "2026-11-25",
        "place": "Aula UPT",
        "course": str(course.pk),
        "budget_document": "DPA 1/2026",
        "nomination_deadline": "2026-11-13 15:00",
        **inline("regions", [{"name": "Kabupaten Jember", "quota": "3", "officer_email": "op@jember.test"}]),
        **inline("budget_lines", [{"description": "Konsumsi", "planned": "5000000"}]),
        **inline("photos", []),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    training = RegionalTraining.objects.get()
    assert training.state == "approval" and training.created_by == staff[roles.ADMIN_OFFICER]
    assert training.regions.get().quota == 3 and training.budget_lines.get().planned == 5000000


def test_the_case_view_shows_actions_regions_and_facilities(client, staff, training):
    client.force_login(staff[roles.HEAD_OF_UNIT])
    url = reverse("regional-trainings:inspect", args=[training.pk])
    content = client.get(url).content.decode()
    assert "Approve the work plan" in content and "Kabupaten Jember" in content
    client.post(url, {"transition": "approve", "approve-version": training.version})
    training.refresh_from_db()
    assert training.state == "instruction"
    content = client.get(url).content.decode()
    assert "items are not ready" in content and "Sound System" in content


def test_the_nominations_screen_is_for_office_roles_only(client, staff, training, user_factory):
    walk(training, staff, until="close_nominations")
    url = reverse("regional-trainings:nominations", args=[training.pk])
    client.force_login(staff[roles.HEAD_OF_UNIT])
    assert client.get(url).status_code == 200
    client.force_login(staff[roles.EDITOR])
    assert client.get(url).status_code in (302, 403)
