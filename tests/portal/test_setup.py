"""A fresh installation: migrate + ``setup_portal``, no demo. The office has a working portal with its own SOPs.

Runs on SQLite and on PostgreSQL (``make test`` with ``DATABASE_URL``): the test database is
migrated, then the command sets it up exactly as the README's Deployment section does.
"""

import datetime
import io
import math
import zoneinfo

import pytest
import time_machine

from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client

from wagtail.models import Page

from procedures import registry
from procedures.clock import office_calendar
from procedures.models import Holiday
from procedures.standards import standard_for_step
from sops import durations, library
from sops.models import SOPPage

pytestmark = pytest.mark.django_db

OFFICE = {
    "office_name": "Dinas Pendidikan dan Kebudayaan Kabupaten Sumba Timur",
    "government_name": "Pemerintah Kabupaten Sumba Timur",
    "unit_name": "UPTD Balai Pelatihan",
    "office_code": "DISDIKBUD",
    "city": "Waingapu",
    "address": "Jl. Adam Malik No. 3, Waingapu",
    "phone": "(0387) 61234",
    "email": "pelatihan@sumbatimurkab.example.go.id",
    "head_name": "Drs. Umbu Ndapa, M.Pd.",
    "head_title": "Kepala Dinas Pendidikan dan Kebudayaan",
    "head_rank": "Pembina Utama Muda",
    "head_nip": "19700301 199503 1 004",
}
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
# A Monday 09:00 office time, not a holiday: every first step is due the same office day.
MONDAY_9 = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=JAKARTA)


def setup_portal(**options):
    out = io.StringIO()
    call_command("setup_portal", interactive=False, stdout=out, **{**OFFICE, **options})
    return out.getvalue()


def library_minutes(step, calendar):
    upper = step.time_value_max or step.time_value
    if step.time_unit in durations.MINUTE_UNITS:
        return math.ceil(upper * durations.MINUTE_UNITS[step.time_unit])
    return int(upper * calendar.minutes_per_day)


@pytest.fixture
def fresh_install():
    with time_machine.travel(MONDAY_9, tick=False):
        output = setup_portal()
    assert "Portal sudah disiapkan." in output or "The portal is set up." in output
    return output


def test_the_site_tree_and_reference_data(fresh_install):
    from licensing.models import RequirementItem
    from portal.models import OfficeSettings
    from trainers.models import StandardModule

    client = Client(raise_request_exception=True)
    urls = [
        "/",
        "/kelas/",
        "/bahan-ajar/",
        "/narasumber/",
        "/sop/",
        "/tentang-kami/",
        "/kontak/",
        "/kebijakan-privasi/",
        "/berita/",
        "/statistik/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert {page.url for page in Page.objects.live().filter(depth=3)} >= set(urls[1:])
    contact = client.get("/kontak/").content.decode()
    assert "Jl. Adam Malik No. 3, Waingapu" in contact and "(0387) 61234" in contact

    office = OfficeSettings.objects.get()
    assert (office.office_name, office.head_nip) == (OFFICE["office_name"], "197003011995031004")

    # The services' SOPs are the office's own, and the registered services follow them.
    pages = {page.library_key: page for page in SOPPage.objects.live()}
    assert set(pages) == {entry.key for entry in library.entries() if entry.procedure}
    for page in pages.values():
        assert page.issuer == "Dinas Pendidikan dan Kebudayaan Kabupaten Sumba Timur – UPTD Balai Pelatihan"
        assert (page.approver_name, page.approver_nip) == ("Drs. Umbu Ndapa, M.Pd.", "19700301 199503 1 004")
        assert page.sop_number == ""  # the office numbers its SOPs itself
    linked = dict(SOPPage.objects.exclude(procedure_code="").values_list("procedure_code", "library_key"))
    assert linked == {
        entry.procedure: entry.key
        for entry in library.entries()
        if entry.procedure in {procedure.code for procedure in registry.all_procedures()}
    }
    sop_index = client.get("/sop/").content.decode()
    assert "DISKOPUKM" not in sop_index and "Kalimantan Barat" not in sop_index

    assert RequirementItem.objects.active().filter(required=True).count() == 8
    assert StandardModule.objects.filter(active=True).count() == 9
    national = Holiday.objects.filter(kind=Holiday.NATIONAL)
    assert {day.year for day in national.values_list("date", flat=True)} == {2026, 2027}
    assert national.filter(date=datetime.date(2026, 8, 17)).exists()
    assert not Holiday.objects.filter(kind=Holiday.COLLECTIVE_LEAVE).exists()  # staff enter cuti bersama


def test_every_clock_uses_the_adopted_sops_times(fresh_install):
    calendar = office_calendar()
    checked = 0
    for procedure in registry.all_procedures():
        entry = library.for_procedure(procedure.code)
        for step in procedure.timed_steps():
            if not step.sop_step:
                continue
            standard = standard_for_step(procedure, step, calendar)
            assert standard.source == "sop", f"{procedure.code}.{step.state} falls back to its default"
            assert standard.minutes == library_minutes(entry.step(step.sop_step), calendar)
            checked += 1
    assert checked >= 20

    # An editor changes a standard on the adopted page: the clock follows the page, not the library.
    page = SOPPage.objects.get(procedure_code="consultation")
    revision = page.get_latest_revision_as_object()
    steps = list(revision.steps.all())
    next(step for step in steps if step.label == "4").time_value = 2  # "1 jam" becomes 2 hours
    revision.steps = steps
    revision.save_revision().publish()
    procedure = registry.get("consultation")
    assert standard_for_step(procedure, procedure.step("unit_review"), calendar).minutes == 120


def _expect_first_step(case, state, sop_step):
    case.refresh_from_db()
    procedure = case.procedure
    entry = library.for_procedure(procedure.code)
    calendar = office_calendar()
    assert case.state == state and case.tracking_number
    assert procedure.step(state).sop_step == sop_step
    expected = calendar.add_minutes(case.state_entered_at, library_minutes(entry.step(sop_step), calendar))
    assert case.state_due_at == expected


def test_the_first_step_of_every_flow_works(fresh_install, user_factory):
    from consultations.factories import ConsultationFactory
    from courses.factories import CoursePageFactory
    from courses.models import CourseIndexPage
    from enrolment.factories import ParticipantFactory
    from enrolment.services import enrol
    from licensing import services as licensing
    from licensing.factories import LicenceApplicationFactory, attach_documents
    from procedures import services
    from trainer_requests.factories import TrainerRequestFactory
    from trainer_requests.services import confirm_email
    from trainers.factories import TrainerApplicationFactory
    from trainers.services import submit_application

    started = set()
    with time_machine.travel(MONDAY_9, tick=False):
        catalogue = CourseIndexPage.objects.get()
        course = CoursePageFactory(parent=catalogue)
        participant = ParticipantFactory(user=user_factory())
        enrolment, _created = enrol(participant, course, participant.user)
        _expect_first_step(enrolment, "verification", "2")
        started.add("enrolment")

        application = TrainerApplicationFactory()
        submit_application(application, application.user)
        _expect_first_step(application, "analysis", "2")
        started.add("trainer_registration")

        trainer_request = TrainerRequestFactory()
        confirm_email(trainer_request)
        _expect_first_step(trainer_request, "incoming", "1")
        started.add("trainer_request")

        consultation = ConsultationFactory()
        services.perform(consultation, "submit", consultation.user)
        _expect_first_step(consultation, "received", "2")
        started.add("consultation")

        licence = LicenceApplicationFactory()
        attach_documents(licence)
        licensing.submit(licence, licence.user)
        _expect_first_step(licence, "front_office_check", "2")
        started.add("course_licence")

        # A regional training's plan goes to the head of unit; its approval opens the facilities checklist.
        from accounts import roles
        from events.factories import RegionalTrainingFactory, add_regions

        training = add_regions(RegionalTrainingFactory(course=course))
        services.perform(training, "submit", user_factory(roles=[roles.ADMIN_OFFICER]))
        _expect_first_step(training, "approval", "2")
        started.add("regional_training")
        services.perform(training, "approve", user_factory(roles=[roles.HEAD_OF_UNIT]))
        _expect_first_step(training.facility_preparation, "order", "1")
        started.add("training_facilities")

        # A material submitted to its Wagtail workflow is checked by the team lead first.
        from courses.factories import MaterialPageFactory
        from courses.models import MaterialReview

        author = user_factory(roles=[roles.TEAM_MEMBER])
        material = MaterialPageFactory(parent=course, title="Modul Anyaman", live=False, owner=author)
        material.save_revision(user=author)
        material.get_workflow().start(material, author)
        _expect_first_step(MaterialReview.objects.get(page=material), "lead_review", "3")
        started.add("material_preparation")

    followed = {procedure.code for procedure in registry.all_procedures() if library.for_procedure(procedure.code)}
    assert started == followed


def test_a_licence_application_without_the_required_documents_is_refused(fresh_install, client):
    from licensing import services as licensing
    from licensing.factories import LicenceApplicationFactory, attach_documents
    from licensing.models import RequirementItem

    empty = LicenceApplicationFactory()
    with pytest.raises(ValidationError) as error:
        licensing.submit(empty, empty.user)
    assert "Akta pendirian lembaga" in " ".join(error.value.messages)
    empty.refresh_from_db()
    assert empty.state == "draft" and not empty.tracking_number

    # One required document missing is still refused; the optional one may be left out.
    partial = LicenceApplicationFactory()
    required = list(RequirementItem.objects.active().filter(required=True))
    attach_documents(partial, required[:-1])
    with pytest.raises(ValidationError):
        licensing.submit(partial, partial.user)
    attach_documents(partial, required[-1:])
    licensing.submit(partial, partial.user)
    assert partial.state == "front_office_check"


def test_running_the_setup_again_changes_nothing(fresh_install):
    from django.apps import apps

    def counts():
        return {
            model._meta.label: model._default_manager.count()
            for model in apps.get_models()
            if model._meta.model_name not in {"revision", "pagelogentry", "modellogentry", "rendition", "session"}
        }

    before = counts()
    revisions = {page.pk: page.revisions.count() for page in SOPPage.objects.all()}
    with time_machine.travel(MONDAY_9, tick=False):
        setup_portal()
    assert counts() == before
    assert {page.pk: page.revisions.count() for page in SOPPage.objects.all()} == revisions


def test_an_edited_page_survives_the_setup(fresh_install):
    page = SOPPage.objects.get(procedure_code="trainer_request")
    revision = page.get_latest_revision_as_object()
    revision.sop_number = "800/5/SOP/2026"
    revision.warning = "Peringatan kantor"
    revision.save_revision().publish()
    setup_portal(office_name="Dinas Pendidikan dan Kebudayaan Kabupaten Sumba Timur")
    page.refresh_from_db()
    assert (page.sop_number, page.warning) == ("800/5/SOP/2026", "Peringatan kantor")


def test_all_sops_on_request(fresh_install):
    setup_portal(all_sops=True)
    assert SOPPage.objects.live().count() == len(library.entries()) == 11


def test_the_office_must_be_named(db):
    with pytest.raises(CommandError, match="--office-name"):
        call_command("setup_portal", interactive=False, stdout=io.StringIO())
    with pytest.raises(CommandError, match="head_nip"):
        call_command("setup_portal", interactive=False, office_name="Dinas X", head_nip="123", stdout=io.StringIO())


def test_identity_from_the_environment(db, monkeypatch):
    from portal.models import OfficeSettings

    monkeypatch.setenv("PORTAL_OFFICE_NAME", "Dinas Koperasi dan UKM Kota Contoh")
    monkeypatch.setenv("PORTAL_OFFICE_EMAIL", "pelatihan@kota-contoh.example.go.id")
    call_command("setup_portal", interactive=False, holiday_years=[2027], stdout=io.StringIO())
    office = OfficeSettings.objects.get()
    assert (office.office_name, office.email) == (
        "Dinas Koperasi dan UKM Kota Contoh",
        "pelatihan@kota-contoh.example.go.id",
    )
    assert {day.year for day in Holiday.objects.values_list("date", flat=True)} == {2027}


def test_identity_from_prompts(db, monkeypatch):
    from portal.models import OfficeSettings

    answers = iter(
        [
            "",  # the office must be named: asked again
            "Dinas Pariwisata Kabupaten Contoh",
            "",  # government: keep
            "Bidang Ekonomi Kreatif",
            *[""] * 9,
            "bukan-nip",  # refused, asked again
            "197001011995031001",
        ]
    )
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    call_command("setup_portal", stdout=io.StringIO(), stderr=io.StringIO())
    office = OfficeSettings.objects.get()
    assert (office.office_name, office.unit_name, office.head_nip) == (
        "Dinas Pariwisata Kabupaten Contoh",
        "Bidang Ekonomi Kreatif",
        "197001011995031001",
    )


def test_load_holidays_keeps_what_staff_entered(db):
    Holiday.objects.create(date=datetime.date(2028, 8, 17), name="HUT RI (diubah staf)", kind=Holiday.NATIONAL)
    out = io.StringIO()
    call_command("load_holidays", "2028", stdout=out)
    assert Holiday.objects.get(date=datetime.date(2028, 8, 17)).name == "HUT RI (diubah staf)"
    assert Holiday.objects.filter(date__year=2028).count() >= 15
    assert not Holiday.objects.filter(kind=Holiday.COLLECTIVE_LEAVE).exists()
    call_command("load_holidays", "2028", stdout=out)
    assert "0 national holidays added" in out.getvalue()
