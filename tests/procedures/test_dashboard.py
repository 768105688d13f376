"""The Wagtail dashboard shows each role what waits for it, overdue first, per service."""

import datetime

import pytest

from django.conf import settings
from django.utils import timezone

from accounts import roles
from procedures.dashboard import waiting_for
from tests.casework.models import Errand

pytestmark = pytest.mark.django_db


def test_each_role_sees_its_own_steps_overdue_first(submitted, staff):
    on_time, late = submitted(), submitted()
    Errand.objects.filter(pk=late.pk).update(state_due_at=timezone.now() - datetime.timedelta(hours=2))
    Errand.objects.filter(pk=on_time.pk).update(state_due_at=timezone.now() + datetime.timedelta(hours=2))

    (queue,) = [q for q in waiting_for(staff[roles.TEAM_MEMBER]) if q.procedure.model is Errand]
    assert (queue.count, queue.overdue) == (2, 1)
    assert [case.pk for case, _url in queue.cases] == [late.pk, on_time.pk]
    assert queue.cases[0][1] == f"/admin/casework-cases/inspect/{late.pk}/"
    # The team lead acts at the next step only: nothing of this errand waits for them yet.
    assert not [q for q in waiting_for(staff[roles.TEAM_LEAD]) if q.procedure.model is Errand]


def test_the_dashboard_panel_lists_the_cases_in_indonesian(client, submitted, staff):
    errand = submitted()
    client.force_login(staff[roles.TEAM_MEMBER])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = client.get("/admin/").content.decode()
    assert "Menunggu Anda" in html
    assert f'href="/admin/casework-cases/inspect/{errand.pk}/"' in html
    assert errand.tracking_number in html
