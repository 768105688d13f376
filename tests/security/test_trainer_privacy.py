"""Issue 14 (low): the trainer calendar link can be revoked; an approved trainer's photo is not public before
the page is; the score-import XLSX is checked for zip bombs before openpyxl opens it."""

import io
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Site

from trainers.factories import TrainerApplicationFactory, TrainerIndexPageFactory, TrainerPageFactory
from trainers.models import TrainerPage
from trainers.schedule import ics_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(db):
    return TrainerIndexPageFactory(parent=Site.objects.get(is_default_site=True).root_page)


def _feed(client, page_or_token):
    token = page_or_token if isinstance(page_or_token, str) else ics_token(page_or_token)
    return client.get(reverse("trainers:schedule_ics", args=[token])).status_code


def test_the_trainer_revokes_the_calendar_link(client, directory, user_factory):
    trainer = user_factory()
    page = TrainerPageFactory(parent=directory, user=trainer)
    old = ics_token(page)
    assert _feed(client, old) == 200

    client.force_login(user_factory())
    assert client.post(reverse("trainers:rotate_calendar", args=[page.pk])).status_code == 404
    assert _feed(client, old) == 200

    client.force_login(trainer)
    assert client.get(reverse("trainers:rotate_calendar", args=[page.pk])).status_code == 405
    assert client.post(reverse("trainers:rotate_calendar", args=[page.pk])).status_code == 302
    page = TrainerPage.objects.get(pk=page.pk)
    new = ics_token(page)
    assert new != old and _feed(client, old) == 404 and _feed(client, new) == 200
    assert new in client.get("/saya/").content.decode()


def test_staff_who_edit_the_page_revoke_the_link_too(client, directory, user_factory):
    page = TrainerPageFactory(parent=directory, user=user_factory())
    old = ics_token(page)
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    assert client.post(reverse("trainers:rotate_calendar", args=[page.pk])).status_code == 302
    assert _feed(client, old) == 404


def test_an_approved_trainers_photo_is_not_public_until_the_page_is_published(directory):
    from trainers.services import create_trainer_page

    images_before = get_image_model().objects.count()
    application = TrainerApplicationFactory()
    page = create_trainer_page(application, None)
    page = TrainerPage.objects.get(pk=page.pk)
    assert not page.live and page.photo is None
    assert get_image_model().objects.count() == images_before, "no public image file exists yet"
    page.save_revision().publish()
    page = TrainerPage.objects.get(pk=page.pk)
    assert page.photo is not None and get_image_model().objects.count() == images_before + 1
    # The next edit keeps the photo (the published revision was updated).
    assert page.get_latest_revision_as_object().photo_id == page.photo_id


def _bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (40 * 1024 * 1024))
    return SimpleUploadedFile("nilai.xlsx", buffer.getvalue())


def test_a_zip_bomb_is_refused_before_openpyxl_reads_it(monkeypatch, user_factory):
    import openpyxl

    from enrolment import assessment

    opened = []

    def must_not_load(*args, **kwargs):
        opened.append(args)
        raise AssertionError("openpyxl opened a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", must_not_load)
    upload = _bomb()
    assert upload.size < 200 * 1024
    count, errors = assessment.import_scores(None, upload, user_factory())
    assert count == 0 and len(errors) == 1
    assert opened == [], "the workbook was handed to openpyxl"


def test_an_ordinary_workbook_passes_the_check():
    from openpyxl import Workbook

    from enrolment.assessment import xlsx_is_safe

    workbook = Workbook()
    workbook.active.append(["Nomor Pendaftaran", "Nama", "Pre-Test", "Post-Test"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert xlsx_is_safe(SimpleUploadedFile("nilai.xlsx", buffer.getvalue()))
    assert not xlsx_is_safe(SimpleUploadedFile("nilai.xlsx", b"not a zip"))
