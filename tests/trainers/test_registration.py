"""Self-registration at /narasumber/daftar/: drafts, uploads kept on errors, NIK checks, privacy."""

import datetime
import io

import pytest
from PIL import Image

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.nik import validate_nik
from trainers.factories import jpeg_bytes, make_nik, pdf_bytes, png_bytes
from trainers.forms import RegistrationForm
from trainers.models import TrainerApplication

pytestmark = pytest.mark.django_db

URL = "/narasumber/daftar/"


def form_data(categories, **overrides):
    birth = datetime.date(1985, 3, 14)
    data = {
        "full_name": "Dr. Made Wirawan, M.Sn.",
        "nik": make_nik(birth),
        "birth_date": "1985-03-14",
        "gender": "male",
        "phone": "081234567890",
        "applicant_email": "made@contoh.test",
        "address": "Jl. Ahmad Yani 1",
        "regency": "Kabupaten Banyuwangi",
        "position": "Dosen",
        "short_bio": "Koreografer.",
        "expertise": [categories["tari"].pk],
        "education": "S2 ISI Surakarta",
        "work_experience": "Dosen (2004–sekarang)",
        "teaching_experience": "",
        "certifications": "",
        "topics": "Koreografi",
        "consent": "on",
        "action": "submit",
    }
    data.update(overrides)
    return data


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def member(user_factory):
    return user_factory(email="made@contoh.test", first_name="Made", last_name="Wirawan")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def test_visitors_see_the_service_then_log_in(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'href="/akun/login/?next=/narasumber/daftar/"' in response.content.decode()
    assert client.post(URL, {"action": "save"})["Location"].startswith("/akun/login/")


def test_required_markers_from_the_start_and_the_parts_counted(member_client):
    """A draft may be half-filled, but the * shows from the first view what submitting needs."""
    member_client.cookies["portal_language"] = "id"
    form = RegistrationForm()
    html = member_client.get(URL).content.decode()
    marked = html.count('<span class="required" aria-hidden="true">*</span>')
    assert marked >= 14
    assert f"Isi {len(form.sections())} bagian di bawah ini" in html and len(form.sections()) == 4


def test_a_failed_submit_keeps_the_chosen_expertise(member_client, categories):
    response = member_client.post(URL, form_data(categories, full_name=""))
    assert response.status_code == 200
    checked = f'value="{categories["tari"].pk}" id="id_expertise_'
    tag = next(t for t in response.content.decode().split("<input") if checked in t)
    assert "checked" in tag


def test_submit_gives_a_tracking_number_and_a_member_area_entry(
    member_client, member, categories, django_capture_on_commit_callbacks, mailoutbox
):
    data = form_data(
        categories, photo_upload=upload("saya.png", png_bytes(), "image/png"), cv_upload=upload("cv.pdf", pdf_bytes())
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(URL, data)
    application = TrainerApplication.objects.get(user=member)
    assert response.status_code == 302 and response["Location"] == f"/narasumber/daftar/{application.pk}/"
    assert application.tracking_number.startswith("NRS-") and application.state == "analysis"
    assert application.consent_at is not None
    # The photo is re-encoded as JPEG; the CV kept as sent.
    assert application.photo.read(3) == b"\xff\xd8\xff" and application.photo_name == "saya.png"
    assert application.cv.read(5) == b"%PDF-"
    page = member_client.get(response["Location"]).content.decode()
    assert application.tracking_number in page and application.get_status_url() in page
    assert any(application.tracking_number in m.subject for m in mailoutbox if m.to == ["made@contoh.test"])
    member_area = member_client.get("/saya/").content.decode()
    assert application.tracking_number in member_area
    # Under review the form is closed: the applicant is sent to the application.
    assert member_client.get(URL)["Location"] == f"/narasumber/daftar/{application.pk}/"


def test_save_draft_and_finish_later(member_client, member, categories):
    response = member_client.post(URL, {"full_name": "Made", "action": "save", "phone": "0812"})
    assert response.status_code == 302
    application = TrainerApplication.objects.get(user=member)
    assert application.state == "draft" and application.tracking_number is None
    page = member_client.get(URL).content.decode()
    assert 'value="Made"' in page and 'value="0812"' in page


def test_errors_keep_input_and_valid_uploads(member_client, member, categories):
    data = form_data(
        categories,
        nik="123",
        photo_upload=upload("foto.jpg", jpeg_bytes(), "image/jpeg"),
        cv_upload=upload("cv.pdf", pdf_bytes()),
        certificate_uploads=[upload("sertifikat.pdf", pdf_bytes("Sertifikat"))],
    )
    response = member_client.post(URL, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert response.context["form"].errors.as_data()["nik"][0].code == "nik_format"
    assert 'value="Dr. Made Wirawan, M.Sn."' in body, "typed text is kept"
    application = TrainerApplication.objects.get(user=member)
    assert application.photo and application.cv and application.certificates.count() == 1
    assert "foto.jpg" in body and "cv.pdf" in body and "sertifikat.pdf" in body, "shown as already uploaded"
    # Fixing the NIK is enough: the files are not asked for again.
    fixed = form_data(categories)
    response = member_client.post(URL, fixed)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "analysis"


def test_submit_requires_photo_cv_and_consent(member_client, member, categories):
    data = form_data(categories)
    data.pop("consent")
    response = member_client.post(URL, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert {"photo_upload", "cv_upload", "consent"} <= set(form.errors)


def bomb_png():
    buffer = io.BytesIO()
    Image.new("1", (10000, 10000)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "field,name,content,message",
    [
        ("cv_upload", "cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 4000, "bad_type"),
        ("cv_upload", "cv.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 + 10), "too_large"),
        ("photo_upload", "foto.png", bomb_png(), "image_bomb"),
        (
            "photo_upload",
            "foto.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "bad_type",
        ),
        ("photo_upload", "foto.jpg", pdf_bytes(), "bad_type"),
        ("certificate_uploads", "s.pdf", b"MZ\x90\x00" + b"\x00" * 100, "bad_type"),
    ],
    ids=["renamed-exe", "oversize", "image-bomb", "svg", "pdf-as-photo", "exe-certificate"],
)
def test_bad_uploads_are_rejected_with_a_message_and_nothing_lost(
    member_client, member, categories, field, name, content, message
):
    data = form_data(categories, **{field: upload(name, content)})
    if field != "photo_upload":
        data["photo_upload"] = upload("foto.jpg", jpeg_bytes(), "image/jpeg")
    response = member_client.post(URL, data)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data().get(field, [])
    assert message in [error.code for error in errors]
    assert str(errors[0].messages[0]) in response.content.decode(), "the message is shown"
    body = response.content.decode()
    assert 'value="Kabupaten Banyuwangi"' in body
    assert not TrainerApplication.objects.exclude(state="draft").exists(), "nothing was submitted"
    if field != "photo_upload":
        application = TrainerApplication.objects.get(user=member)
        assert application.certificates.count() == 0
        assert application.photo, "the valid photo sent with the bad file is kept"


@pytest.mark.parametrize(
    "value,code",
    [
        ("35100114038", "nik_format"),
        ("３５１００１１４０３８５０００１", "nik_format"),  # full-width digits are not ASCII
        ("35100114038500a1", "nik_format"),
        ("0010011403850001", "nik_region"),
        ("3500011403850001", "nik_region"),
        ("3510013213850001", "nik_date"),
        ("3510011403850000", "nik_serial"),
    ],
)
def test_nik_validation(value, code, categories, member):
    with pytest.raises(ValidationError) as error:
        validate_nik(value)
    assert error.value.code == code
    application = TrainerApplication(user=member, state="draft", applicant_email=member.email)
    form = RegistrationForm(form_data(categories, nik=value), instance=application, final=False)
    assert not form.is_valid() and form.errors.as_data()["nik"][0].code == code


def test_a_plausible_nik_passes():
    validate_nik(make_nik(datetime.date(1985, 3, 14)))
    validate_nik(make_nik(datetime.date(1990, 1, 5), female=True))


def test_birth_date_and_gender_must_match_the_nik(categories, member):
    application = TrainerApplication(user=member, state="draft", applicant_email=member.email)
    data = form_data(categories, birth_date="1986-03-14", gender="female")
    form = RegistrationForm(data, instance=application, final=False)
    assert not form.is_valid()
    assert "14-03-1985" in form.errors["birth_date"][0]
    assert "gender" in form.errors
    female = form_data(categories, nik=make_nik(datetime.date(1990, 1, 5), female=True), birth_date="1990-01-05")
    female["gender"] = "female"
    assert RegistrationForm(female, instance=application, final=False).is_valid()


def test_another_users_application_and_files_are_404(client, application_at, user_factory):
    application = application_at("analysis")
    owner_client = client
    owner_client.force_login(application.user)
    assert owner_client.get(f"/narasumber/daftar/{application.pk}/berkas/photo/").status_code == 200
    stranger = user_factory(email="orang.lain@contoh.test")
    client.force_login(stranger)
    assert client.get(f"/narasumber/daftar/{application.pk}/").status_code == 404
    for key in ("photo", "cv", "letter-1", "certificate-1", "nonsense"):
        assert client.get(f"/narasumber/daftar/{application.pk}/berkas/{key}/").status_code == 404


def test_staff_see_files_in_the_admin(client, application_at, staff):
    from accounts import roles

    application = application_at("analysis")
    client.force_login(staff[roles.TEAM_LEAD])
    response = client.get(f"/admin/trainer-applications/file/{application.pk}/cv/")
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    client.force_login(staff[roles.EDITOR])
    assert client.get(f"/admin/trainer-applications/file/{application.pk}/cv/").status_code in {302, 403, 404}


def test_staff_case_view_verifies_with_the_module_checklist(client, application_at, staff):
    from accounts import roles
    from trainers.factories import StandardModuleFactory

    module = StandardModuleFactory(code="TARI-01", name="Tari dasar")
    application = application_at("verification")
    client.force_login(staff[roles.TEAM_MEMBER])
    url = f"/admin/trainer-applications/inspect/{application.pk}/"
    page = client.get(url).content.decode()
    assert "TARI-01" in page
    response = client.post(
        url,
        {
            "transition": "verify",
            "verify-version": application.version,
            "verify-modules": [module.pk],
            "verify-note": "Cocok.",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "recommendation" and list(application.checked_modules.all()) == [module]


def test_correction_edit_and_resubmit(client, application_at):
    application = application_at("correction")
    client.force_login(application.user)
    page = client.get(URL).content.decode()
    assert "Mohon lengkapi sertifikat." in page
    data = form_data({"tari": application.expertise.first()}, applicant_email=application.applicant_email)
    data.update(nik=application.nik, birth_date=application.birth_date.isoformat(), gender=application.gender)
    data["certificate_uploads"] = [upload("sertifikat.pdf", pdf_bytes("Sertifikat"))]
    response = client.post(URL, data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "analysis" and application.certificates.count() == 1
    assert application.events().last().transition == "resubmit"


def test_approved_trainers_are_sent_to_their_account(client, application_at, staff, directory):
    from accounts import roles
    from procedures import services

    application = application_at("decision")
    services.perform(application, "approve", staff[roles.HEAD_OF_UNIT])
    client.force_login(application.user)
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == "/saya/"
    body = client.get("/saya/").content.decode()
    assert f"/narasumber/perbarui/{application.trainer_page_id}/" in body
    assert f"/narasumber/daftar/{application.pk}/berkas/letter-" in body


def test_profile_update_request_from_the_member_area(client, directory, user_factory, categories):
    from trainers.factories import TrainerPageFactory
    from trainers.models import TrainerProfileUpdate

    trainer = user_factory(email="nara@contoh.test")
    page = TrainerPageFactory(parent=directory, title="Made Wirawan", user=trainer, expertise=[categories["tari"]])
    url = f"/narasumber/perbarui/{page.pk}/"
    client.force_login(user_factory(email="bukan.pemilik@contoh.test"))
    assert client.get(url).status_code == 404
    client.force_login(trainer)
    form = client.get(url).context["form"]
    assert form.initial["expertise"] == [categories["tari"].pk]
    response = client.post(
        url,
        {
            "reason": "Topik baru.",
            "position": page.position,
            "short_bio": "Bio baru.",
            "regency": page.regency,
            "expertise": [categories["tari"].pk, categories["kriya"].pk],
            "topics": "Tari kreasi",
            "photo_upload": upload("baru.png", png_bytes(), "image/png"),
        },
    )
    assert response.status_code == 302
    update = TrainerProfileUpdate.objects.get(trainer_page=page)
    assert update.state == "review" and update.tracking_number.startswith("UPD-")
    assert update.photo.read(3) == b"\xff\xd8\xff"
    assert client.get(url).status_code == 302, "one pending request at a time"
