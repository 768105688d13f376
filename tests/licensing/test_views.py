import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from licensing import services
from licensing.factories import LicenceApplicationFactory, attach_documents, jpeg_bytes, pdf_bytes
from licensing.models import ApplicationDocument, Licence, LicenceApplication
from procedures import services as core

from .conftest import inspection_data

pytestmark = pytest.mark.django_db


def field(item):
    return f"item_{item.pk}"


def institution_post(**overrides):
    data = {
        "institution_name": "LKP Cahaya Mandiri",
        "legal_form": "yayasan",
        "address": "Jl. Panglima Batur No. 5",
        "regency": "Kota Banjarbaru",
        "head_name": "Hj. Siti Mariam",
        "contact_phone": "081255500011",
        "contact_email": "cahaya@lkp.test",
        "programmes": "Komputer Perkantoran\nBahasa Inggris",
        "instructors_count": "5",
        "facilities": "3 ruang kelas\n20 komputer",
    }
    data.update(overrides)
    return data


def test_pages_need_a_login(client):
    """The service explains itself to visitors; starting an application needs an account."""
    response = client.get(reverse("licensing:index"))
    assert response.status_code == 200 and "/akun/login/?next=" in response.content.decode()
    response = client.post(reverse("licensing:start"))
    assert response.status_code == 302 and "/akun/" in response["Location"]


def test_start_edit_and_submit_in_the_browser_forms(client, applicant, checklist):
    client.force_login(applicant)
    response = client.post(reverse("licensing:start"))
    application = LicenceApplication.objects.get(user=applicant)
    assert response["Location"] == reverse("licensing:edit", args=[application.pk])
    assert client.post(reverse("licensing:start"))["Location"] == response["Location"], "an empty draft is reused"

    npwp = next(item for item in checklist if item.name == "NPWP lembaga")
    kurikulum = next(item for item in checklist if item.name == "Kurikulum/program kursus")
    data = institution_post(institution_name="", action="submit")
    data[field(npwp)] = SimpleUploadedFile("npwp.pdf", pdf_bytes("NPWP"), content_type="application/pdf")
    data[field(kurikulum)] = SimpleUploadedFile(
        "kurikulum.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(reverse("licensing:edit", args=[application.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    # Everything typed comes back, the valid upload is kept, the fake PDF is refused.
    assert "Jl. Panglima Batur No. 5" in content and "Komputer Perkantoran" in content
    assert "npwp.pdf" in content
    assert list(application.documents.values_list("item__name", flat=True)) == ["NPWP lembaga"]
    assert "This type of file is not accepted" in content
    application.refresh_from_db()
    assert application.state == "draft" and application.tracking_number is None

    # Upload the rest and submit.
    others = [item for item in checklist if item.required and item.pk != npwp.pk]
    attach_documents(application, others)
    response = client.post(reverse("licensing:edit", args=[application.pk]), institution_post(action="submit"))
    application.refresh_from_db()
    assert response["Location"] == reverse("licensing:detail", args=[application.pk])
    assert application.state == "front_office_check" and application.tracking_number.startswith("IZN-2026-")
    detail = client.get(response["Location"]).content.decode()
    assert application.tracking_number in detail and application.get_status_url() in detail


def test_save_draft_keeps_partial_data(client, applicant, checklist):
    client.force_login(applicant)
    application = LicenceApplicationFactory(user=applicant, institution_name="", regency="")
    response = client.post(
        reverse("licensing:edit", args=[application.pk]),
        {"institution_name": "LKP Setengah Jadi", "action": "save"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.institution_name == "LKP Setengah Jadi" and application.state == "draft"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "This type of file is not accepted"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not accepted"),
        ("besar.pdf", b"%PDF-1.4\n" + b"0" * (6 * 1024 * 1024), "too large"),
        ("rusak.pdf", b"%PDF-1.4\n garbage", "damaged"),
    ],
)
def test_bad_uploads_are_rejected(client, applicant, checklist, name, content, message):
    client.force_login(applicant)
    application = LicenceApplicationFactory(user=applicant)
    item = checklist[0]
    response = client.post(
        reverse("licensing:edit", args=[application.pk]),
        {"action": "save", **institution_post(), field(item): SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not application.documents.exists()


def test_an_image_bomb_is_rejected(client, applicant, checklist):
    client.force_login(applicant)
    application = LicenceApplicationFactory(user=applicant)
    photos = next(item for item in checklist if item.accepted_types == "images")
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, "PNG")
    response = client.post(
        reverse("licensing:edit", args=[application.pk]),
        {"action": "save", field(photos): SimpleUploadedFile("foto.png", buffer.getvalue())},
    )
    assert "too many pixels" in response.content.decode()
    assert not application.documents.exists()


def test_image_only_items_refuse_pdfs(client, applicant, checklist):
    client.force_login(applicant)
    application = LicenceApplicationFactory(user=applicant)
    photos = next(item for item in checklist if item.accepted_types == "images")
    response = client.post(
        reverse("licensing:edit", args=[application.pk]),
        {"action": "save", field(photos): SimpleUploadedFile("foto.pdf", pdf_bytes("x"))},
    )
    assert "This type of file is not accepted" in response.content.decode()


def test_correction_shows_only_the_refused_items(client, submitted, applicant, staff):
    npwp = submitted.documents.get(item__name="NPWP lembaga")
    services.refuse_file(submitted, staff[roles.FRONT_OFFICE], {npwp.pk: ("refused", "NPWP kedaluwarsa")})
    client.force_login(applicant)
    page = client.get(reverse("licensing:edit", args=[submitted.pk])).content.decode()
    assert "NPWP kedaluwarsa" in page
    assert f'name="item_{npwp.item_id}"' in page
    other = submitted.documents.exclude(pk=npwp.pk).first()
    assert f'name="item_{other.item_id}"' not in page
    assert 'name="institution_name"' not in page
    # Resubmitting without the new file is refused with the item named.
    response = client.post(reverse("licensing:edit", args=[submitted.pk]), {"action": "submit"})
    assert "NPWP lembaga" in response.content.decode()
    upload = SimpleUploadedFile("npwp-baru.pdf", pdf_bytes("NPWP baru"), content_type="application/pdf")
    response = client.post(
        reverse("licensing:edit", args=[submitted.pk]), {"action": "submit", f"item_{npwp.item_id}": upload}
    )
    submitted.refresh_from_db()
    assert response.status_code == 302 and submitted.state == "front_office_check"
    assert submitted.documents.get(pk=npwp.pk).original_name == "npwp-baru.pdf"


def test_other_people_get_404_and_files_are_never_public(client, submitted, user_factory, staff, applicant, settings):
    document = submitted.documents.first()
    urls = [
        reverse("licensing:detail", args=[submitted.pk]),
        reverse("licensing:edit", args=[submitted.pk]),
        reverse("licensing:download", args=[submitted.pk, document.key]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/akun/" in response["Location"], url
    client.force_login(user_factory(email="orang.lain@lkp.test"))
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(staff[roles.FRONT_OFFICE])
    for url in urls:
        assert client.get(url).status_code == 404, "staff use the admin, not the applicant pages"

    client.force_login(applicant)
    response = client.get(urls[2])
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff" and "private" in response["Cache-Control"]
    assert "/media/" not in client.get(urls[0]).content.decode()
    with pytest.raises(ValueError):
        _url = document.file.url  # private storage has no public URL at all
    assert not str(document.file.path).startswith(str(settings.MEDIA_ROOT))


def test_staff_open_documents_and_photos_through_the_case_view(client, submitted, advance, staff, applicant):
    advance(submitted, "technical_review")
    photo = SimpleUploadedFile("site.jpg", jpeg_bytes(), content_type="image/jpeg")
    core.perform(submitted, "report_inspection", staff[roles.TECHNICAL_AGENCY], data=inspection_data(photos=[photo]))
    photo_key = f"photo-{submitted.inspection.photos.get().pk}"
    doc_key = submitted.documents.first().key
    client.force_login(staff[roles.BACK_OFFICE])
    inspect = client.get(reverse("licence-applications:inspect", args=[submitted.pk])).content.decode()
    assert reverse("licence-applications:file", args=[submitted.pk, doc_key]) in inspect
    for key in (doc_key, photo_key):
        assert client.get(reverse("licence-applications:file", args=[submitted.pk, key])).status_code == 200
    client.force_login(applicant)
    assert client.get(reverse("licence-applications:file", args=[submitted.pk, doc_key])).status_code in (302, 403)
    assert client.get(reverse("licensing:download", args=[submitted.pk, photo_key])).status_code == 404


def test_front_office_refuses_through_the_admin_form(client, submitted, staff):
    client.force_login(staff[roles.FRONT_OFFICE])
    url = reverse("licence-applications:inspect", args=[submitted.pk])
    page = client.get(url).content.decode()
    documents = list(submitted.documents.all())
    for document in documents:
        assert f'name="refuse_file-verdict_{document.pk}"' in page
        assert f'name="accept_file-checked_{document.pk}"' in page
    data = {"transition": "refuse_file", "refuse_file-version": submitted.version}
    for document in documents:
        data[f"refuse_file-verdict_{document.pk}"] = "accepted"
    data[f"refuse_file-verdict_{documents[0].pk}"] = "refused"
    # A refusal without its reason is sent back with the form kept.
    response = client.post(url, data)
    assert response.status_code == 200 and "Give the reason" in response.content.decode()
    data[f"refuse_file-reason_{documents[0].pk}"] = "Tidak bertanda tangan."
    response = client.post(url, data)
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == "correction"
    assert submitted.documents.get(pk=documents[0].pk).status == ApplicationDocument.REFUSED
    status_page = client.get(submitted.get_status_url()).content.decode()
    assert "Tidak bertanda tangan." in status_page


def test_the_staff_list_shows_time_used_against_five_days(client, sop_page, checklist, staff, user_factory):
    def make(n):
        for i in range(n):
            application = LicenceApplicationFactory(user=user_factory(email=f"p{i}{n}@lkp.test"))
            attach_documents(application)
            services.submit(application, application.user)

    client.force_login(staff[roles.BACK_OFFICE])
    url = reverse("licence-applications:index")
    make(2)
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert "/ 5 working days" in response.content.decode()
    make(4)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    LicenceApplication.objects.update(clock_started_at=timezone.now() - timezone.timedelta(days=30))
    assert "past the promise" in client.get(url).content.decode()


def test_the_applicant_downloads_the_decree(client, submitted, advance, applicant):
    advance(submitted, "issued")
    letter = submitted.letters().get()
    client.force_login(applicant)
    detail = client.get(reverse("licensing:detail", args=[submitted.pk])).content.decode()
    url = reverse("licensing:download", args=[submitted.pk, f"letter-{letter.pk}"])
    assert url in detail
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    submitted.refresh_from_db()
    assert submitted.sk_received_at is not None
    verify = client.get(reverse("procedures:verify_letter", args=[letter.verification_code])).content.decode()
    assert "Genuine letter." in verify


def test_the_public_register_lists_valid_licences_only(client, submitted, advance, applicant, checklist):
    advance(submitted, "issued")
    licence = Licence.objects.get()
    expired = Licence.objects.create(
        number="503/0099/IPK/LAMA/2019",
        application=LicenceApplicationFactory(institution_name="LKP Lama Sekali", state="issued"),
        letter=licence.letter,
        institution_name="LKP Lama Sekali",
        programmes="Mengetik",
        regency="Kota Banjarbaru",
        valid_from=timezone.localdate().replace(year=2019),
        valid_until=timezone.localdate().replace(year=2024),
    )
    response = client.get(reverse("licensing:register"))
    content = response.content.decode()
    assert licence.number in content and "LKP Tata Busana Melati" in content
    assert expired.institution_name not in content
    assert "Tata Busana" in client.get(reverse("licensing:register"), {"q": "busana"}).content.decode()
    assert (
        "LKP Tata Busana Melati" not in client.get(reverse("licensing:register"), {"q": "otomotif"}).content.decode()
    )
    Licence.objects.filter(pk=licence.pk).update(revoked_at=timezone.now())
    assert "LKP Tata Busana Melati" not in client.get(reverse("licensing:register")).content.decode()
    assert client.get(reverse("licensing:register"), {"page": "999"}).status_code == 200
