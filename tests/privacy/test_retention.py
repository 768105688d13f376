"""Retention: the purge job deletes what it should and nothing else; --dry-run lists it; the privacy page."""

import datetime
import io

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from enrolment.models import Participant
from portal.storage import private_storage
from privacy.models import AccessLog, RetentionPeriod
from tests.privacy.conftest import NIK_A, _class, enrol


@pytest.fixture
def old_and_new(catalogue, officer, instructor):
    """Sari's only class ended six years ago; Budi's ended last month."""
    from tests.enrolment.conftest import teach

    old = _class(catalogue, "Kelas Lama", days_ago=6 * 365)
    recent = _class(catalogue, "Kelas Baru", days_ago=30)
    teach(old, instructor)
    teach(recent, instructor)
    sari = enrol(old, officer, nik=NIK_A, full_name="Sari Dewi", phone="081234567890")
    budi = enrol(recent, officer, full_name="Budi Santoso")
    from enrolment.models import Enrolment

    sari.work_photo.save("karya.jpg", ContentFile(b"\xff\xd8\xff old work"), save=True)
    Enrolment.objects.filter(pk__in=[sari.pk, budi.pk]).update(state="completed", result="passed")
    return sari, budi


def test_purge_dry_run_lists_and_changes_nothing_then_purges_only_the_expired(old_and_new):
    sari, budi = old_and_new
    old_log = AccessLog.objects.create(action="view", what="lama", at=timezone.now() - datetime.timedelta(days=400))
    new_log = AccessLog.objects.create(action="view", what="baru")
    photo = sari.work_photo.name

    out = io.StringIO()
    call_command("purge_expired", "--dry-run", stdout=out)
    report = out.getvalue()
    assert f"#{sari.participant.pk}" in report and f"#{budi.participant.pk}" not in report
    assert f"#{old_log.pk}" in report and f"#{new_log.pk}" not in report
    assert "Dry run" in report
    assert Participant.objects.filter(nik=NIK_A).exists() and private_storage().exists(photo)
    assert AccessLog.objects.filter(pk=old_log.pk).exists()

    call_command("purge_expired", stdout=io.StringIO())
    sari.participant.refresh_from_db()
    assert sari.participant.nik != NIK_A and sari.participant.phone == "" and sari.participant.address == ""
    assert not private_storage().exists(photo)
    budi.participant.refresh_from_db()
    assert budi.participant.phone == "081234567890"
    assert not AccessLog.objects.filter(pk=old_log.pk).exists() and AccessLog.objects.filter(pk=new_log.pk).exists()


def test_periods_are_configurable_with_the_issue_defaults(db):
    from privacy.retention import periods

    days = periods()
    assert days["trainer_requests.unconfirmed"] == 7
    assert days["trainers.rejected_uploads"] == 365
    assert days["privacy.access_log"] == 365
    assert days["enrolment.participant"] == 5 * 365
    RetentionPeriod.objects.filter(key="privacy.access_log").update(days=90)
    assert periods()["privacy.access_log"] == 90


def test_unconfirmed_resource_person_requests_go_after_seven_days(db):
    from trainer_requests.factories import TrainerRequestFactory

    stale = TrainerRequestFactory()
    fresh = TrainerRequestFactory()
    type(stale).objects.filter(pk=stale.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    call_command("purge_expired", stdout=io.StringIO())
    assert not type(stale).objects.filter(pk=stale.pk).exists() and type(fresh).objects.filter(pk=fresh.pk).exists()


def test_the_privacy_page_lists_the_configuration(client, db):
    from django.core.management import call_command as run

    run(
        "setup_portal",
        interactive=False,
        office_name="Dinas Contoh",
        unit_name="Bidang Pelatihan",
        head_name="Drs. Ahmad Santoso, M.Si.",
        head_title="Kepala Dinas",
        head_rank="Pembina Utama Muda",
        head_nip="196805121994031007",
        stdout=io.StringIO(),
    )
    RetentionPeriod.objects.all().delete()
    from privacy.retention import periods

    periods()
    RetentionPeriod.objects.filter(key="trainer_requests.unconfirmed").update(days=10)
    html = client.get("/kebijakan-privasi/").content.decode()
    assert "What we keep, why, for how long and who sees it" in html
    assert "Unconfirmed resource-person requests" in html and "10 days" in html
    assert "Access log" in html and "365 days" in html
