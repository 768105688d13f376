"""The registration procedure: roles, steps, conflicts, letters, the draft page and emails."""

import io
import smtplib
import threading

import pytest
from pypdf import PdfReader

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection

from procedures import services
from procedures.models import OutboxMessage
from trainers.models import TrainerApplication, TrainerPage
from trainers.procedure import PROCEDURE, UPDATE_PROCEDURE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("transition", PROCEDURE.transitions, ids=lambda t: t.name)
def test_role_transition_matrix(transition, application_at, staff, user_factory):
    application = application_at()
    TrainerApplication.objects.filter(pk=application.pk).update(state=transition.sources[0])
    application.refresh_from_db()
    allowed = set(PROCEDURE.roles_for(transition))
    for role, user in staff.items():
        expected = role in allowed and not transition.by_applicant
        assert services.can_perform(application, transition, user) == expected, role
    assert services.can_perform(application, transition, application.user) == transition.by_applicant
    assert not services.can_perform(application, transition, user_factory()), "another member may not act"


def test_the_matrix_follows_the_sop():
    from accounts import roles

    expected = {
        "forward": {roles.TEAM_LEAD},
        "verify": {roles.TEAM_MEMBER},
        "send_back": {roles.TEAM_MEMBER},
        "recommend_approve": {roles.TEAM_LEAD},
        "recommend_reject": {roles.TEAM_LEAD},
        "approve": {roles.HEAD_OF_UNIT},
        "reject": {roles.HEAD_OF_UNIT},
    }
    for name, role_set in expected.items():
        assert set(PROCEDURE.roles_for(PROCEDURE.transition(name))) == role_set, name
    assert [s.sop_step for s in PROCEDURE.steps if s.sop_step] == ["2", "3", "4", "5"]
    assert PROCEDURE.prefix == "NRS" and UPDATE_PROCEDURE.prefix == "UPD"


def test_full_path_with_correction_restart_and_approval(monday_morning, application_at, staff, directory):
    from accounts import roles
    from trainers.factories import StandardModuleFactory

    application = application_at("correction")
    assert application.tracking_number == "NRS-2026-00001"
    event = application.events().last()
    assert event.public_note and event.note == "Mohon lengkapi sertifikat."
    services.perform(application, "resubmit", application.user)
    assert application.state == "analysis"
    assert application.clock_started_at == application.state_entered_at
    services.perform(application, "forward", staff[roles.TEAM_LEAD])
    module = StandardModuleFactory(code="TARI-01", name="Tari tradisional dasar")
    services.perform(application, "verify", staff[roles.TEAM_MEMBER], note="Sesuai modul.", data={"modules": [module]})
    application.refresh_from_db()
    assert list(application.checked_modules.all()) == [module]
    assert application.verification_note == "Sesuai modul."
    services.perform(application, "recommend_approve", staff[roles.TEAM_LEAD])
    services.perform(application, "approve", staff[roles.HEAD_OF_UNIT], data={"letter_note": ""})
    application.refresh_from_db()
    assert application.state == "approved" and application.is_closed
    assert application.recommendation == "approve"
    page = application.trainer_page
    assert page is not None and not page.live, "an editor publishes the page"
    page = TrainerPage.objects.get(pk=page.pk)
    assert page.user == application.user
    assert page.full_name == application.full_name
    # Issue 14: the photo stays private until the page is published, then becomes its image.
    assert page.photo is None and page.pending_photo.read(3) == b"\xff\xd8\xff"
    page.save_revision().publish()
    page = TrainerPage.objects.get(pk=page.pk)
    assert page.photo is not None and page.photo.file.read(3) == b"\xff\xd8\xff"
    assert [c.slug for c in page.expertise.all()] == ["seni-tari"]
    assert page.get_parent().specific == directory
    assert not page.nik if hasattr(page, "nik") else True


def test_decision_letter_pdf_names_number_applicant_and_decision(application_at, staff, directory):
    from accounts import roles
    from trainers.services import decision_letter

    approved = application_at("decision", full_name="Dr. Ir. Made Wirawan, M.Sn.")
    services.perform(approved, "approve", staff[roles.HEAD_OF_UNIT])
    letter = decision_letter(approved)
    text = PdfReader(io.BytesIO(letter.pdf.read())).pages[0].extract_text()
    flat = " ".join(text.split())
    assert letter.number in flat
    assert "Made Wirawan" in flat
    assert "DISETUJUI" in flat.upper() or "APPROVED" in flat.upper()
    assert "jadwal" in flat.lower() or "schedule" in flat.lower(), "an approval invites schedule confirmation"

    rejected = application_at("decision", full_name="Putu Ayu Lestari, S.Pd.", user__email="ayu@contoh.test")
    services.perform(rejected, "reject", staff[roles.HEAD_OF_UNIT], note="Belum ada pengalaman mengajar.")
    letter = decision_letter(rejected)
    flat = " ".join(PdfReader(io.BytesIO(letter.pdf.read())).pages[0].extract_text().split())
    assert letter.number in flat and "Putu Ayu Lestari" in flat
    assert "TIDAK DISETUJUI" in flat.upper() or "NOT APPROVED" in flat.upper()
    assert "Belum ada pengalaman mengajar." in flat
    assert rejected.trainer_page is None


def test_decision_letter_is_emailed(application_at, staff, directory, django_capture_on_commit_callbacks):
    from accounts import roles

    application = application_at("decision")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.perform(application, "approve", staff[roles.HEAD_OF_UNIT])
    letter = application.letters().get()
    to_applicant = [m for m in mail.outbox if m.to == [application.applicant_email]]
    assert any(letter.number in m.subject for m in to_applicant)
    assert any(f"/narasumber/daftar/{application.pk}/" in m.body for m in to_applicant)


def test_stale_version_is_a_conflict(application_at, staff):
    from accounts import roles

    application = application_at("analysis")
    seen = application.version
    services.perform(application, "forward", staff[roles.TEAM_LEAD], expected_version=seen)
    other = TrainerApplication.objects.get(pk=application.pk)
    with pytest.raises(services.TransitionConflict):
        services.perform(other, "send_back", staff[roles.TEAM_MEMBER], note="x", expected_version=seen)
    other.refresh_from_db()
    assert other.state == "verification"


@pytest.mark.postgres
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite has no row locks; the race needs PostgreSQL (DATABASE_URL=postgres://...)",
)
@pytest.mark.django_db(transaction=True)
def test_two_staff_deciding_at_once_one_wins(application_at, staff, directory):
    from accounts import roles

    application = application_at("decision")
    second_head = type(staff[roles.HEAD_OF_UNIT]).objects.create(email="kabid2@dinas.test")
    from django.contrib.auth.models import Group

    second_head.groups.add(Group.objects.get(name=roles.HEAD_OF_UNIT))
    barrier = threading.Barrier(2)
    results = []

    def act(name, user, note):
        try:
            case = TrainerApplication.objects.get(pk=application.pk)
            barrier.wait()
            services.perform(case, name, user, note=note, expected_version=case.version)
            results.append(name)
        except services.TransitionConflict:
            results.append("conflict")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=("approve", staff[roles.HEAD_OF_UNIT], "")),
        threading.Thread(target=act, args=("reject", second_head, "Tidak sesuai.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results).count("conflict") == 1, results
    application.refresh_from_db()
    assert application.state in {"approved", "rejected"}
    assert application.events().count() == 5
    assert application.letters().count() == 1


@pytest.mark.django_db(transaction=True)
def test_mail_outage_during_submit_loses_nothing(application_at, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    application = application_at()

    def outage(self, messages):
        raise smtplib.SMTPException("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", outage)
        from trainers.services import submit_application

        submit_application(application, application.user)
    application.refresh_from_db()
    assert application.tracking_number == "NRS-2026-00001" or application.tracking_number.startswith("NRS-")
    assert application.state == "analysis"
    pending = OutboxMessage.objects.filter(sent_at=None, recipients=[application.applicant_email])
    assert pending.count() == 1
    assert pending.get().attempts == 1
    mail.outbox.clear()
    OutboxMessage.objects.update(available_at=OutboxMessage.objects.first().created_at)
    call_command("send_outbox")
    to_applicant = [m for m in mail.outbox if m.to == [application.applicant_email]]
    assert len(to_applicant) == 1
    assert application.tracking_number in to_applicant[0].subject
    call_command("send_outbox")
    assert len([m for m in mail.outbox if m.to == [application.applicant_email]]) == 1, "never sent twice"


def test_profile_update_is_reviewed_and_applied_as_a_draft_revision(directory, staff, user_factory, categories):
    from accounts import roles
    from trainers.factories import TrainerPageFactory
    from trainers.models import TrainerProfileUpdate
    from trainers.services import start_profile_update

    trainer = user_factory(email="nara@contoh.test")
    page = TrainerPageFactory(parent=directory, title="Made Wirawan", user=trainer, expertise=[categories["tari"]])
    update, expertise = start_profile_update(page, trainer)
    assert expertise == [categories["tari"]]
    update.short_bio = "Bio baru yang lebih lengkap."
    update.reason = "Menambah pengalaman terbaru."
    update.save()
    update.expertise.set([categories["kriya"]])
    services.perform(update, "submit", trainer)
    assert update.tracking_number.startswith("UPD-")
    assert not services.can_perform(update, UPDATE_PROCEDURE.transition("apply"), staff[roles.TEAM_MEMBER])
    services.perform(update, "apply", staff[roles.TEAM_LEAD])
    page.refresh_from_db()
    assert page.short_bio != "Bio baru yang lebih lengkap.", "the live page waits for an editor"
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert draft.short_bio == "Bio baru yang lebih lengkap."
    assert [c.slug for c in draft.expertise.all()] == ["kriya"]
    assert TrainerProfileUpdate.objects.get(pk=update.pk).state == "applied"
