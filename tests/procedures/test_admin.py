"""The staff case screens every flow inherits, on the tests-only ``casework`` app."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import roles
from procedures import services
from tests.casework.models import Errand

pytestmark = pytest.mark.django_db

INDEX = "casework-cases:index"
INSPECT = "casework-cases:inspect"


def test_queue_lists_submitted_cases_for_acting_roles(client, submitted, staff):
    from tests.casework.factories import ErrandFactory

    case = submitted()
    ErrandFactory(subject="Masih draf")
    client.force_login(staff[roles.TEAM_MEMBER])
    response = client.get(reverse(INDEX))
    content = response.content.decode()
    assert response.status_code == 200
    assert case.tracking_number in content and "Masih draf" not in content
    mine = client.get(reverse(INDEX), {"mine": "true"}).content.decode()
    assert case.tracking_number in mine


def test_roles_without_the_model_permission_cannot_open_the_queue(client, submitted, staff):
    submitted()
    client.force_login(staff[roles.EDITOR])
    response = client.get(reverse(INDEX))
    assert response.status_code in (302, 403)


def test_overdue_filter(client, submitted, staff, monday_morning):
    import datetime

    late, fresh = submitted(subject="Terlambat"), submitted(subject="Baru")
    monday_morning.shift(datetime.timedelta(minutes=30))
    services.perform(fresh, "forward", staff[roles.TEAM_MEMBER])
    client.force_login(staff[roles.TEAM_LEAD])
    content = client.get(reverse(INDEX), {"overdue": "true"}).content.decode()
    assert late.tracking_number in content and fresh.tracking_number not in content


def test_case_view_offers_only_the_actions_of_the_users_role(client, submitted, staff):
    case = submitted()
    client.force_login(staff[roles.TEAM_MEMBER])
    forms = client.get(reverse(INSPECT, args=[case.pk])).context["transition_forms"]
    assert sorted(form.transition.name for form in forms) == ["decline", "forward", "queue"]
    client.force_login(staff[roles.HEAD_OF_OFFICE])
    assert client.get(reverse(INSPECT, args=[case.pk])).context["transition_forms"] == []


def test_posting_an_action_moves_the_case_and_keeps_the_attachment(client, submitted, staff):
    case = submitted()
    client.force_login(staff[roles.TEAM_MEMBER])
    pdf = SimpleUploadedFile("disposisi.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(
        reverse(INSPECT, args=[case.pk]),
        {
            "transition": "forward",
            "forward-version": case.version,
            "forward-note": "Mohon ditelaah",
            "forward-attachment": pdf,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "study"
    event = case.events().last()
    assert event.note == "Mohon ditelaah" and event.attachment
    files = client.get(reverse(INSPECT, args=[case.pk])).context["files"]
    url = {str(label).split(" · ")[0]: link for label, link in files}
    download = client.get(next(iter(url.values())))
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_stale_screen_gets_a_conflict_message(client, submitted, staff):
    case = submitted()
    old_version = case.version
    services.perform(case, "forward", staff[roles.TEAM_MEMBER])
    client.force_login(staff[roles.TEAM_MEMBER])
    response = client.post(
        reverse(INSPECT, args=[case.pk]),
        {"transition": "decline", "decline-version": old_version, "decline-note": "x"},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("Reload" in m or "Muat ulang" in m for m in messages)
    assert Errand.objects.get(pk=case.pk).state == "study"


def test_an_action_outside_the_role_is_refused(client, submitted, staff):
    case = submitted()
    client.force_login(staff[roles.HEAD_OF_UNIT])
    client.post(reverse(INSPECT, args=[case.pk]), {"transition": "forward", "forward-version": case.version})
    assert Errand.objects.get(pk=case.pk).state == "received"


def test_missing_reason_redisplays_the_form_with_an_error(client, submitted, staff):
    case = submitted()
    client.force_login(staff[roles.TEAM_MEMBER])
    response = client.post(
        reverse(INSPECT, args=[case.pk]),
        {"transition": "decline", "decline-version": case.version, "decline-note": ""},
    )
    assert response.status_code == 200
    bound = [f for f in response.context["transition_forms"] if f.transition.name == "decline"][0]
    assert bound.errors["note"]


def test_private_files_need_the_permission(client, submitted, staff):
    case = submitted(attachment=SimpleUploadedFile("bukti.pdf", PDF_BYTES, content_type="application/pdf"))
    url = reverse("casework-cases:file", args=[case.pk, "attachment"])
    client.force_login(staff[roles.EDITOR])
    assert client.get(url).status_code in (302, 403, 404)
    client.force_login(staff[roles.TEAM_LEAD])
    assert client.get(url).status_code == 200
    assert client.get(reverse("casework-cases:file", args=[case.pk, "user"])).status_code == 404


PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


def test_hidden_states_stay_out_of_staff_screens(client, submitted, staff, monkeypatch):
    from tests.casework.procedure import PROCEDURE

    case = submitted()
    monkeypatch.setattr(PROCEDURE, "hidden_states", ("draft", "received"))
    client.force_login(staff[roles.TEAM_MEMBER])
    assert case.tracking_number not in client.get(reverse(INDEX)).content.decode()
    assert client.get(reverse(INSPECT, args=[case.pk])).status_code == 404
