import datetime
import io

import pytest
from pypdf import PdfReader

from django.core import mail
from django.urls import reverse
from django.utils import formats, translation

from accounts import roles
from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from courses.models import CourseTrainer
from procedures import services
from procedures.models import OutboxMessage
from trainer_requests import services as flow
from trainer_requests.factories import make_trainer
from trainer_requests.forms import ApprovalForm
from trainer_requests.models import TrainerAssignment, TrainerRequest
from trainer_requests.procedure import PROCEDURE
from trainers.schedule import trainer_schedule

from .conftest import advance

pytestmark = pytest.mark.django_db

ALL_ROLES = [
    roles.TECHNICAL_OFFICER,
    roles.HEAD_OF_UNIT,
    roles.HEAD_OF_OFFICE,
    roles.TEAM_MEMBER,
    roles.TEAM_LEAD,
    roles.ADMIN_OFFICER,
    roles.EDITOR,
    roles.INSTRUCTOR,
]
EXPECTED = {
    "confirm": set(),
    "receive": {roles.TECHNICAL_OFFICER},
    "register": {roles.TECHNICAL_OFFICER},
    "record": {roles.TECHNICAL_OFFICER},
    "submit_analysis": {roles.HEAD_OF_UNIT},
    "return_analysis": {roles.HEAD_OF_OFFICE},
    "approve": {roles.HEAD_OF_OFFICE},
    "refuse": {roles.HEAD_OF_OFFICE},
    # SOP step 5: the head of section has the technical officer send the letters; both act.
    "issue_letters": {roles.HEAD_OF_UNIT, roles.TECHNICAL_OFFICER},
    "issue_refusal": {roles.HEAD_OF_UNIT, roles.TECHNICAL_OFFICER},
    "trainers_confirmed": set(),
    "trainer_declined": set(),
    "phone_confirm": {roles.TECHNICAL_OFFICER},
    "phone_confirm_last": {roles.TECHNICAL_OFFICER},
    "phone_decline": {roles.TECHNICAL_OFFICER},
    "close": {roles.TECHNICAL_OFFICER},
}


def test_matrix_covers_every_transition():
    assert set(EXPECTED) == {t.name for t in PROCEDURE.transitions}


@pytest.fixture
def role_users(user_factory):
    return {
        role: user_factory(email=f"{role.replace(' ', '.')}@peran.test".lower(), roles=[role]) for role in ALL_ROLES
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_role_transition_matrix(name, role_users, new_request, category):
    transition = PROCEDURE.transition(name)
    channel = TrainerRequest.Channel.PAPER if name == "register" else TrainerRequest.Channel.ONLINE
    trainer_request = new_request(received_via=channel)
    TrainerRequest.objects.filter(pk=trainer_request.pk).update(
        state=transition.sources[0], tracking_number="PNR-2027-00999"
    )
    trainer_request.refresh_from_db()
    if name.startswith("phone_"):
        # A phone answer needs waiting assignments: two for a confirmation that leaves another waiting.
        for n in range(2 if name == "phone_confirm" else 1):
            TrainerAssignment.objects.create(request=trainer_request, trainer=make_trainer(f"Narasumber {n}"))
    for role, user in role_users.items():
        allowed = role in EXPECTED[name]
        assert services.can_perform(trainer_request, transition, user) is allowed, (name, role)
        if not allowed:
            with pytest.raises(services.TransitionNotAllowed):
                services.perform(trainer_request, name, user, note="x")


def test_anonymous_and_applicantless_cannot_confirm_without_system(new_request):
    trainer_request = new_request()
    with pytest.raises(services.TransitionNotAllowed):
        services.perform(trainer_request, "confirm", None)


def test_unconfirmed_request_never_reaches_staff(client, staff, new_request, django_capture_on_commit_callbacks):
    admin = staff["teknis"]
    admin.is_superuser = True
    admin.save()
    trainer_request = new_request(organisation_name="Desa Rahasia Belum Konfirmasi")
    with django_capture_on_commit_callbacks(execute=True):
        flow.send_confirmation_email(trainer_request)
    # Only the applicant got an email: the confirmation link.
    assert [m.to for m in mail.outbox] == [[trainer_request.applicant_email]]
    staff_emails = {u.email for u in staff.values()}
    assert not any(set(m.recipients) & staff_emails for m in OutboxMessage.objects.all())
    client.force_login(staff["kadis"])
    listing = client.get(reverse("trainer-requests:index"))
    assert listing.status_code == 200
    assert "Desa Rahasia Belum Konfirmasi" not in listing.content.decode()
    assert client.get(reverse("trainer-requests:inspect", args=[trainer_request.pk])).status_code == 404
    # After confirmation it is in the queue and the technical officer is told.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        flow.confirm_email(trainer_request)
    assert trainer_request.state == "incoming" and trainer_request.tracking_number.startswith("PNR-")
    assert "Desa Rahasia Belum Konfirmasi" in client.get(reverse("trainer-requests:index")).content.decode()
    assert any(admin.email in m.to for m in mail.outbox)


def test_full_flow_with_letters(client, staff, trainer, new_request, django_capture_on_commit_callbacks):
    trainer_request = new_request(organisation_name="Desa Wisata Kemiren", preferred_trainer=trainer)
    advance(trainer_request, staff, "decision")
    assert trainer_request.agenda_number == "005/AG/2027"
    assert "pembukuan" in trainer_request.analysis
    # The approval form suggests the preferred, matching trainer first.
    form = ApprovalForm(case=trainer_request, transition=PROCEDURE.transition("approve"), user=staff["kadis"])
    first_value, first_label = form.fields["trainers"].choices[0]
    assert first_value == str(trainer.pk) and "free on these dates" in str(first_label)
    with django_capture_on_commit_callbacks(execute=True):
        advance(trainer_request, staff, "trainer_confirmation", trainers=[trainer])
    assignment = trainer_request.assignments.get()
    letters = {letter.kind: letter for letter in trainer_request.letters()}
    assert set(letters) == {"trainer_request_approval", "trainer_assignment"}
    assert assignment.letter == letters["trainer_assignment"]
    approval = letters["trainer_request_approval"]
    text = PdfReader(io.BytesIO(approval.pdf.read())).pages[0].extract_text()
    flat = " ".join(text.split())
    assert approval.number in flat
    assert "Desa Wisata Kemiren" in flat
    assert "Dr. Made Wirawan, M.M." in flat
    with translation.override("id"):
        assert formats.date_format(trainer_request.start_date, "j F Y") in flat
        assert formats.date_format(trainer_request.end_date, "j F Y") in flat
    st_text = " ".join(PdfReader(io.BytesIO(letters["trainer_assignment"].pdf.read())).pages[0].extract_text().split())
    assert letters["trainer_assignment"].number in st_text and "Dr. Made Wirawan, M.M." in st_text
    # Emailed: the applicant gets the download page, the trainer the assignment link.
    applicant_mail = [
        m for m in mail.outbox if m.to == [trainer_request.applicant_email] and approval.number in m.subject
    ]
    assert applicant_mail and flow.case_url(trainer_request) in applicant_mail[0].body
    assert any(m.to == [trainer.user.email] and f"/tugas/{assignment.pk}/" in m.body for m in mail.outbox)
    # The applicant downloads the confirmation letter through the access-token page.
    page = client.get(flow.case_url(trainer_request))
    assert page.status_code == 200 and approval.number in page.content.decode()
    download = client.get(
        reverse(
            "trainer_requests:case_letter",
            args=[trainer_request.tracking_number, trainer_request.access_token, approval.pk],
        )
    )
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    bad = reverse("trainer_requests:case_letter", args=[trainer_request.tracking_number, "wrong-token", approval.pk])
    assert client.get(bad).status_code == 404
    # The surat tugas is for the trainer, not on the applicant's page.
    other = reverse(
        "trainer_requests:case_letter",
        args=[trainer_request.tracking_number, trainer_request.access_token, letters["trainer_assignment"].pk],
    )
    assert client.get(other).status_code == 404
    # The trainer confirms in /saya/.
    client.force_login(trainer.user)
    assert "Pelatihan Pembukuan Koperasi" in client.get(reverse("accounts:member_area")).content.decode()
    letter_download = client.get(reverse("trainer_requests:assignment_letter", args=[assignment.pk]))
    assert letter_download.status_code == 200
    response = client.post(reverse("trainer_requests:assignment", args=[assignment.pk]), {"answer": "confirm"})
    assert response.status_code == 302
    trainer_request.refresh_from_db()
    assert trainer_request.state == "scheduled"
    # The schedule source now lists the assignment for the trainer.
    items = trainer_schedule(trainer, trainer_request.start_date, trainer_request.end_date)
    assert len(items) == 2 and items[0].kind == "assignment"
    # Closing with the report.
    services.perform(
        trainer_request,
        "close",
        staff["teknis"],
        data={"attendance_count": 28, "report_notes": "Berjalan lancar.", "photos": []},
    )
    trainer_request.refresh_from_db()
    assert trainer_request.state == "closed" and trainer_request.attendance_count == 28


def test_other_user_gets_404_for_assignment(client, staff, trainer, user_factory, new_request):
    trainer_request = advance(new_request(), staff, "trainer_confirmation", trainers=[trainer])
    assignment = trainer_request.assignments.get()
    client.force_login(user_factory(email="orang.lain@contoh.test"))
    assert client.get(reverse("trainer_requests:assignment", args=[assignment.pk])).status_code == 404
    assert (
        client.post(reverse("trainer_requests:assignment", args=[assignment.pk]), {"answer": "confirm"}).status_code
        == 404
    )
    assert client.get(reverse("trainer_requests:assignment_letter", args=[assignment.pk])).status_code == 404
    client.force_login(staff["kadis"])  # staff are not the trainer either
    assert (
        client.post(
            reverse("trainer_requests:assignment", args=[assignment.pk]), {"answer": "decline", "reason": "x"}
        ).status_code
        == 404
    )
    assignment.refresh_from_db()
    assert assignment.status == TrainerAssignment.Status.ASSIGNED


def test_decline_returns_to_decision_and_reassign(client, staff, trainer, other_trainer, new_request):
    trainer_request = advance(new_request(), staff, "trainer_confirmation", trainers=[trainer])
    assignment = trainer_request.assignments.get()
    client.force_login(trainer.user)
    response = client.post(reverse("trainer_requests:assignment", args=[assignment.pk]), {"answer": "decline"})
    assert response.status_code == 200  # reason required
    client.post(
        reverse("trainer_requests:assignment", args=[assignment.pk]),
        {"answer": "decline", "reason": "Sedang mengajar di luar kota."},
    )
    trainer_request.refresh_from_db()
    assignment.refresh_from_db()
    assert trainer_request.state == "decision"
    assert assignment.status == TrainerAssignment.Status.DECLINED
    assert assignment.decline_reason == "Sedang mengajar di luar kota."
    # Declined trainers are no longer busy; the head of office chooses another.
    assert trainer_schedule(trainer, trainer_request.start_date, trainer_request.end_date) == []
    advance(trainer_request, staff, "trainer_confirmation", trainers=[other_trainer])
    assert [a.trainer for a in trainer_request.active_assignments()] == [other_trainer]
    # A second answer to the declined assignment is refused.
    client.post(reverse("trainer_requests:assignment", args=[assignment.pk]), {"answer": "confirm"})
    assignment.refresh_from_db()
    assert assignment.status == TrainerAssignment.Status.DECLINED


def test_refusal_letter(staff, new_request, django_capture_on_commit_callbacks):
    trainer_request = advance(new_request(organisation_name="SMKN 1 Glagah"), staff, "decision")
    services.perform(trainer_request, "refuse", staff["kadis"], note="Tanggal bertepatan dengan kegiatan dinas.")
    with django_capture_on_commit_callbacks(execute=True):
        services.perform(trainer_request, "issue_refusal", staff["teknis"])
    assert trainer_request.state == "refused"
    letter = trainer_request.letters().get(kind="trainer_request_refusal")
    text = " ".join(PdfReader(io.BytesIO(letter.pdf.read())).pages[0].extract_text().split())
    assert letter.number in text and "SMKN 1 Glagah" in text and "bertepatan dengan kegiatan dinas" in text
    assert any(letter.number in m.subject for m in mail.outbox)


def conflict_setup(trainer, new_request, staff):
    trainer_request = advance(new_request(), staff, "decision")
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=trainer_request_home()))
    CourseSessionFactory(
        page=course,
        trainer=trainer,
        date=trainer_request.start_date,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(13, 0),
        title="Sesi Pembukuan",
    )
    return trainer_request


def test_a_class_day_without_a_named_session_is_a_conflict(staff, trainer, new_request):
    """The trainer is listed on a class but leads none of that day's sessions: still busy that day.

    The trainer's schedule and the request's conflict check read the same availability function,
    so the head of office sees the class the trainer sees in their own schedule.
    """
    trainer_request = advance(new_request(), staff, "decision")
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=trainer_request_home()),
        title="Kelas Pembukuan UMKM",
        start_date=trainer_request.start_date,
        end_date=trainer_request.start_date,
    )
    CourseTrainer.objects.create(page=course, trainer=trainer, role="Fasilitator")
    CourseSessionFactory(
        page=course,
        date=trainer_request.start_date,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 0),
        title="Materi oleh narasumber lain",
    )
    conflicts = flow.conflicts_for(trainer_request, [trainer])[trainer.pk]
    assert [(c.busy.kind, c.busy.title) for c in conflicts] == [("class", "Kelas Pembukuan UMKM")]
    schedule = trainer_schedule(trainer, trainer_request.start_date, trainer_request.start_date)
    assert [c.busy for c in conflicts] == schedule
    label = next(s for s in flow.suggestions(trainer_request) if s.trainer.pk == trainer.pk).label
    assert "CONFLICT" in label and "Kelas Pembukuan UMKM" in label


def trainer_request_home():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page


def test_class_session_conflict_needs_override(staff, trainer, new_request):
    trainer_request = conflict_setup(trainer, new_request, staff)
    transition = PROCEDURE.transition("approve")
    prefix = "approve"
    base = {f"{prefix}-version": trainer_request.version, f"{prefix}-trainers": [str(trainer.pk)]}
    form = ApprovalForm(base, prefix=prefix, case=trainer_request, transition=transition, user=staff["kadis"])
    assert "CONFLICT" in str(dict(form.fields["trainers"].choices)[str(trainer.pk)])
    assert not form.is_valid() and "override_conflicts" in form.errors
    form = ApprovalForm(
        {**base, f"{prefix}-override_conflicts": "on"}, prefix=prefix, case=trainer_request, transition=transition
    )
    assert not form.is_valid() and "override_reason" in form.errors
    form = ApprovalForm(
        {**base, f"{prefix}-override_conflicts": "on", f"{prefix}-override_reason": "Sesi kelas dipindah ke sore."},
        prefix=prefix,
        case=trainer_request,
        transition=transition,
    )
    assert form.is_valid(), form.errors
    services.perform(trainer_request, "approve", staff["kadis"], data=form.transition_data())
    assignment = trainer_request.assignments.get()
    assert assignment.conflict_override and assignment.override_reason == "Sesi kelas dipindah ke sore."
    assert "Sesi Pembukuan" in assignment.conflicts_at_assignment


def test_approved_assignment_blocks_other_requests(staff, trainer, other_trainer, new_request):
    first = advance(new_request(), staff, "trainer_confirmation", trainers=[trainer])
    second = advance(new_request(start_date=first.start_date, end_date=first.start_date), staff, "decision")
    conflicts = flow.conflicts_for(second, [trainer, other_trainer])
    assert [c.busy.kind for c in conflicts[trainer.pk]] == ["assignment"]
    assert conflicts[other_trainer.pk] == []
    # Adjacent (afternoon) request: no conflict.
    third = advance(
        new_request(
            start_date=first.start_date,
            end_date=first.start_date,
            start_time=datetime.time(12),
            end_time=datetime.time(15),
        ),
        staff,
        "decision",
    )
    assert flow.conflicts_for(third, [trainer])[trainer.pk] == []


def test_admin_case_view_for_head_of_office(client, staff, trainer, new_request):
    trainer_request = advance(new_request(preferred_trainer=trainer), staff, "decision")
    client.force_login(staff["kadis"])
    response = client.get(reverse("trainer-requests:inspect", args=[trainer_request.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dr. Made Wirawan, M.M." in body and 'name="approve-trainers"' in body
    response = client.post(
        reverse("trainer-requests:inspect", args=[trainer_request.pk]),
        {"transition": "approve", "approve-version": trainer_request.version, "approve-trainers": [str(trainer.pk)]},
    )
    assert response.status_code == 302
    trainer_request.refresh_from_db()
    assert trainer_request.state == "letters"


def test_suggestion_queries_do_not_grow(staff, category, new_request, django_assert_max_num_queries):
    trainer_request = advance(new_request(), staff, "decision")
    for n in range(6):
        make_trainer(f"Narasumber Uji {n}", expertise=[category])
    with django_assert_max_num_queries(6):
        result = flow.suggestions(trainer_request)
    assert len(result) == 6
