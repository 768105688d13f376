"""Signing officials: private images, superusers only, a new version per change (issue 14);
the signer of a letter follows the office settings, by default who decides (issue 13)."""

import io

import pytest
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import roles
from portal.demo import signature_png
from portal.models import SigningOfficial, SigningPosition

pytestmark = pytest.mark.django_db


def png(name="sig.png"):
    return SimpleUploadedFile(name, signature_png("Bambang Hartono"), content_type="image/png")


def add_url():
    return reverse("signing-officials:add")


def form_data(**overrides):
    return {
        "position": SigningPosition.HEAD_OF_UNIT,
        "name": "Bambang Hartono, S.E.",
        "title": "Kepala Bidang",
        "rank": "Pembina",
        "nip": "197805122003121004",
        **overrides,
    }


def test_only_superusers_reach_signing_officials(client, user_factory):
    editor = user_factory(email="editor@dinas.test", roles=[roles.EDITOR])
    editor.is_staff = True
    editor.save()
    from django.contrib.auth.models import Group, Permission

    # Even a group holding every model permission on signing officials gets nothing.
    group = Group.objects.create(name="all signing perms")
    group.permissions.set(Permission.objects.filter(content_type__app_label="portal"))
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(add_url()).status_code in (302, 403)
    response = client.post(add_url(), {**form_data(), "signature": png()})
    assert response.status_code in (302, 403)
    assert not SigningOfficial.objects.exists()


def test_superuser_adds_and_changes_with_history(client, user_factory, settings):
    admin = user_factory(email="root@dinas.test", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(add_url(), {**form_data(), "signature": png()})
    assert response.status_code == 302, response.content[:2000]
    first = SigningOfficial.objects.get()
    assert first.version == 1 and first.is_current
    assert first.signature.name.startswith("signing/head_of_unit/")
    assert (settings.PRIVATE_MEDIA_ROOT / first.signature.name).is_file()
    with pytest.raises(ValueError):
        _ = first.signature.url  # private: no URL at all

    response = client.post(reverse("signing-officials:edit", args=[first.pk]), form_data(name="Bambang H., M.M."))
    assert response.status_code == 302
    rows = list(SigningOfficial.objects.filter(position=SigningPosition.HEAD_OF_UNIT).order_by("version"))
    assert [(row.version, row.name, row.is_current) for row in rows] == [
        (1, "Bambang Hartono, S.E.", False),
        (2, "Bambang H., M.M.", True),
    ]
    assert rows[1].signature.name == first.signature.name  # the image carries over
    assert SigningOfficial.objects.for_position(SigningPosition.HEAD_OF_UNIT) == rows[1]


def test_office_settings_have_no_public_signature_image():
    from portal.models import OfficeSettings

    names = {field.name for field in OfficeSettings._meta.get_fields()}
    assert "head_signature" not in names
    assert "trainer_decision_signer" in names


def test_signer_per_kind_follows_office_settings(db):
    from wagtail.models import Site

    from portal.models import OfficeSettings

    office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    office.head_name, office.head_title = "Drs. Kepala Dinas", "Kepala Dinas"
    office.save()
    SigningOfficial(position=SigningPosition.HEAD_OF_UNIT, name="Ir. Kabid", title="Kepala Bidang").save()
    assert office.signer_for("trainer_decision")["name"] == "Ir. Kabid"
    assert office.signer_for("course_licence_decree")["name"] == "Drs. Kepala Dinas"
    office.trainer_decision_signer = SigningPosition.HEAD_OF_OFFICE
    assert office.signer_for("trainer_decision")["name"] == "Drs. Kepala Dinas"


def test_trainer_decision_is_signed_by_the_head_of_unit(db):
    """Issue 13: the Kepala Bidang decides trainer registrations, so the letter carries their name."""
    from procedures.letters import issue_letter

    official = SigningOfficial(
        position=SigningPosition.HEAD_OF_UNIT,
        name="Bambang Hartono, S.E.",
        title="Kepala Bidang",
        nip="197805122003121004",
    )
    official.signature.save("s.png", png(), save=False)
    official.save()
    letter = issue_letter(kind="trainer_decision", code="NS", subject="Hasil", addressee="Made", body="Isi.")
    assert letter.signer_name == "Bambang Hartono, S.E."
    reader = PdfReader(io.BytesIO(letter.pdf.read()))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Bambang Hartono" in text and "197805122003121004" in text
    assert reader.pages[0].images, "the signature image is drawn"
