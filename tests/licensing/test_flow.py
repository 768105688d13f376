import io

import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError

from accounts import roles
from licensing import services
from licensing.models import ApplicationDocument, DocumentReview, Licence, LicenceApplication
from licensing.procedure import PROCEDURE
from procedures import services as core
from procedures.models import CaseEvent

from .conftest import inspection_data

pytestmark = pytest.mark.django_db


def pdf_text(letter):
    letter.pdf.open("rb")
    reader = PdfReader(io.BytesIO(letter.pdf.read()))
    letter.pdf.close()
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("transition", [t for t in PROCEDURE.transitions if not t.by_applicant], ids=lambda t: t.name)
def test_role_transition_matrix(transition, submitted, staff):
    # The signing actions also depend on the recommendation: give each the one it needs.
    LicenceApplication.objects.filter(pk=submitted.pk).update(
        state=transition.sources[0], recommended=transition.name != "sign_refusal"
    )
    submitted.refresh_from_db()
    allowed = set(PROCEDURE.roles_for(transition))
    assert allowed, "every staff action has an acting role"
    for role, user in staff.items():
        assert core.can_perform(submitted, transition, user) == (role in allowed), role
    assert not core.can_perform(submitted, transition, submitted.user), "the applicant is not staff"


def test_the_steps_follow_the_sop_roles():
    expected = {
        "front_office_check": (roles.FRONT_OFFICE, "2"),
        "back_office_intake": (roles.BACK_OFFICE, "3"),
        "technical_review": (roles.TECHNICAL_AGENCY, "4"),
        "decree_drafting": (roles.BACK_OFFICE, "5"),
        "head_approval": (roles.HEAD_OF_LICENSING, "6"),
        "secretary_approval": (roles.SECRETARY, "7"),
        "signing": (roles.HEAD_OF_OFFICE, "8"),
    }
    for state, (role, sop_step) in expected.items():
        step = PROCEDURE.step(state)
        assert (step.roles, step.sop_step) == ((role,), sop_step)


@pytest.mark.parametrize("name", ["submit", "resubmit"])
def test_only_the_applicant_submits(name, submitted, staff, user_factory):
    transition = PROCEDURE.transition(name)
    LicenceApplication.objects.filter(pk=submitted.pk).update(state=transition.sources[0])
    submitted.refresh_from_db()
    assert core.can_perform(submitted, transition, submitted.user)
    assert not core.can_perform(submitted, transition, user_factory(email="lain@lkp.test"))
    for user in staff.values():
        assert not core.can_perform(submitted, transition, user)


def test_submit_needs_every_required_document(checklist, applicant):
    from licensing.factories import LicenceApplicationFactory, attach_documents

    application = LicenceApplicationFactory(user=applicant)
    attach_documents(application, [item for item in checklist if item.name != "NPWP lembaga"])
    with pytest.raises(ValidationError, match="NPWP lembaga"):
        services.submit(application, applicant)
    application.refresh_from_db()
    assert application.state == "draft" and application.tracking_number is None


def test_submission_gets_a_tracking_number(submitted):
    assert submitted.state == "front_office_check"
    assert submitted.tracking_number.startswith("IZN-")


def test_refusal_per_item_and_correction_of_only_those(submitted, staff, applicant):
    documents = {doc.item.name: doc for doc in submitted.documents.select_related("item")}
    refused = documents["NPWP lembaga"]
    verdicts = {doc.pk: ("accepted", "") for doc in documents.values()}
    verdicts[refused.pk] = ("refused", "NPWP tidak terbaca, unggah hasil pindai yang jelas.")
    event = services.refuse_file(submitted, staff[roles.FRONT_OFFICE], verdicts)
    submitted.refresh_from_db()
    assert submitted.state == "correction"
    assert "NPWP lembaga: NPWP tidak terbaca" in event.note and event.public_note
    assert services.refused_documents(submitted) == [refused]
    assert ApplicationDocument.objects.filter(application=submitted, status="accepted").count() == len(documents) - 1
    assert DocumentReview.objects.filter(document__application=submitted, event=event).count() == len(documents)

    with pytest.raises(ValidationError, match="NPWP lembaga"):
        services.submit(submitted, applicant)

    from licensing.factories import attach_documents

    attach_documents(submitted, [refused.item])
    services.submit(submitted, applicant)
    submitted.refresh_from_db()
    assert submitted.state == "front_office_check"
    statuses = dict(submitted.documents.values_list("item__name", "status"))
    assert statuses["NPWP lembaga"] == "pending"
    assert {status for name, status in statuses.items() if name != "NPWP lembaga"} == {"accepted"}

    core.perform(submitted, "accept_file", staff[roles.FRONT_OFFICE])
    submitted.refresh_from_db()
    assert set(submitted.documents.values_list("status", flat=True)) == {"accepted"}
    # History: the refused verdict, then the acceptance of the replacement.
    history = list(
        DocumentReview.objects.filter(document=refused).order_by("created_at", "pk").values_list("verdict", flat=True)
    )
    assert history == ["refused", "accepted"]


def test_refusal_without_a_refused_item_or_reason_is_rejected(submitted, staff):
    documents = list(submitted.documents.all())
    with pytest.raises(ValidationError):
        services.refuse_file(submitted, staff[roles.FRONT_OFFICE], {doc.pk: ("accepted", "") for doc in documents})
    with pytest.raises(ValidationError):
        services.refuse_file(submitted, staff[roles.FRONT_OFFICE], {documents[0].pk: ("refused", "  ")})
    submitted.refresh_from_db()
    assert submitted.state == "front_office_check"
    assert not CaseEvent.objects.for_case(submitted).filter(transition="refuse_file").exists()


def test_inspection_report_is_stored_with_findings_and_photos(submitted, advance, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from licensing.factories import jpeg_bytes

    advance(submitted, "technical_review")
    photo = SimpleUploadedFile("IMG_0001.jpg", jpeg_bytes(), content_type="image/jpeg")
    core.perform(submitted, "report_inspection", staff[roles.TECHNICAL_AGENCY], data=inspection_data(photos=[photo]))
    submitted.refresh_from_db()
    inspection = submitted.inspection
    assert submitted.recommended is True
    assert [f.facility for f in inspection.findings.all()] == ["2 ruang kelas", "15 mesin jahit"]
    stored = inspection.photos.get()
    assert stored.image.name.endswith(".jpg") and "IMG_0001" not in stored.image.name
    assert ("Inspection photo 1", f"photo-{stored.pk}") in [
        (str(label), key) for label, key in submitted.private_files()
    ]


def test_decree_pdf_and_licence(submitted, advance, staff):
    from wagtail.models import Site

    from portal.models import OfficeSettings

    office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    office.head_name, office.head_title, office.head_nip = "Drs. M.Y. Bramuda", "Kepala Dinas", "196901011990031001"
    office.save()
    advance(submitted, "issued")
    licence = Licence.objects.get(application=submitted)
    letter = licence.letter
    assert submitted.state == "issued" and submitted.closed_at
    assert licence.valid_until.year == licence.valid_from.year + 5
    text = pdf_text(letter)
    compact = " ".join(text.split())
    assert letter.number in compact
    assert "LKP TATA BUSANA MELATI" in compact
    assert "Tata Busana" in compact and "Komputer Perkantoran" in compact
    assert licence.number in compact
    assert letter.signer_name == "Drs. M.Y. Bramuda" and "Drs. M.Y. Bramuda" in compact
    assert "NIP. 196901011990031001" in compact
    assert letter.verification_code in compact
    assert "Menimbang" in compact and "MEMUTUSKAN" in compact
    assert list(Licence.objects.valid()) == [licence]


def test_not_recommended_ends_with_a_signed_refusal(submitted, advance, staff):
    advance(submitted, "signing", recommend=False)
    assert submitted.recommended is False
    head = staff[roles.HEAD_OF_OFFICE]
    names = [t.name for t in core.allowed_transitions(submitted, head)]
    assert "sign" not in names and "sign_refusal" in names
    with pytest.raises(core.TransitionNotAllowed):
        core.perform(submitted, "sign", head)
    assert submitted.state == "signing"
    core.perform(submitted, "sign_refusal", head)
    submitted.refresh_from_db()
    assert submitted.state == "refused"
    assert not Licence.objects.filter(application=submitted).exists()
    letter = submitted.letters().get()
    assert "Mesin jahit dan ruang praktik belum tersedia" in " ".join(pdf_text(letter).split())


def test_returns_go_back_to_the_back_office(submitted, advance, staff):
    advance(submitted, "head_approval")
    with pytest.raises(ValidationError):
        core.perform(submitted, "head_return", staff[roles.HEAD_OF_LICENSING])
    core.perform(submitted, "head_return", staff[roles.HEAD_OF_LICENSING], note="Perbaiki dasar hukum.")
    submitted.refresh_from_db()
    assert submitted.state == "decree_drafting"


def test_stale_version_conflicts(submitted, staff):
    stale = submitted.version
    core.perform(submitted, "accept_file", staff[roles.FRONT_OFFICE], expected_version=stale)
    submitted.refresh_from_db()
    with pytest.raises(core.TransitionConflict):
        core.perform(submitted, "route_to_technical", staff[roles.BACK_OFFICE], expected_version=stale)
