"""One journey: a new member registers as a trainer, follows the status, downloads the letter,
and the profile goes live in the directory once an editor publishes it."""

import pytest

from accounts import roles
from procedures import services
from trainers.factories import make_nik, pdf_bytes, png_bytes
from trainers.models import TrainerApplication, TrainerPage


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_register_follow_download_and_go_live(
    browser_page, login_in_browser, user_factory, staff, directory, categories, tmp_path
):
    import datetime

    photo = tmp_path / "foto-saya.png"
    photo.write_bytes(png_bytes(size=(300, 400)))
    cv = tmp_path / "cv-saya.pdf"
    cv.write_bytes(pdf_bytes("CV Ni Kadek Sri Wahyuni", ["Penari dan pelatih"]))
    member = user_factory(email="sri@contoh.test", first_name="Sri", last_name="Wahyuni")

    page = browser_page
    login_in_browser(page, member)
    page.goto("/narasumber/daftar/")
    page.fill("#id_full_name", "Ni Kadek Sri Wahyuni, S.Sn.")
    page.fill("#id_nik", make_nik(datetime.date(1992, 8, 17), female=True))
    page.fill("#id_birth_date", "1992-08-17")
    page.check("input[name=gender][value=female]")
    page.fill("#id_phone", "081337770001")
    page.fill("#id_address", "Jl. Raya Kemiren 7, Glagah")
    page.fill("#id_regency", "Kabupaten Banyuwangi")
    page.fill("#id_position", "Penari dan pelatih sanggar")
    page.fill("#id_short_bio", "Pelatih tari Gandrung untuk anak dan remaja.")
    page.check(f"input[name=expertise][value='{categories['tari'].pk}']")
    page.fill("#id_education", "S1 Seni Tari, ISI Denpasar")
    page.fill("#id_work_experience", "Pelatih Sanggar Sayu Wiwit (2015–sekarang)")
    page.fill("#id_topics", "Tari Gandrung dasar")
    page.set_input_files("#id_photo_upload", str(photo))
    page.set_input_files("#id_cv_upload", str(cv))
    page.check("#id_consent")
    page.click("button[value=submit]")

    application = None
    page.locator("text=NRS-").first.wait_for()
    application = TrainerApplication.objects.get(user=member)
    assert application.state == "analysis"
    assert application.tracking_number in page.content()

    page.click(f"a[href='{application.get_status_url()}']")
    page.wait_for_url(f"**{application.get_status_url()}")
    assert application.tracking_number in page.content()
    assert "081337770001" not in page.content(), "no personal data beyond the name on the status page"

    for name, role in [
        ("forward", roles.TEAM_LEAD),
        ("verify", roles.TEAM_MEMBER),
        ("recommend_approve", roles.TEAM_LEAD),
        ("approve", roles.HEAD_OF_UNIT),
    ]:
        application.refresh_from_db()
        services.perform(application, name, staff[role])
    application.refresh_from_db()
    letter = application.letters().get()

    page.goto("/saya/")
    with page.expect_download() as download:
        page.click(f"a[href='/narasumber/daftar/{application.pk}/berkas/letter-{letter.pk}/']")
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    trainer_page = TrainerPage.objects.get(pk=application.trainer_page_id)
    page.goto("/narasumber/")
    assert "Ni Kadek Sri Wahyuni" not in page.content(), "the draft waits for an editor"
    trainer_page.save_revision().publish()  # an editor publishes the reviewed page
    page.goto("/narasumber/")
    page.get_by_role("link", name="Ni Kadek Sri Wahyuni, S.Sn.").click()
    page.wait_for_url(f"**{trainer_page.url}")
    assert "081337770001" not in page.content()
    assert page.locator("img.trainer-profile__photo").count() == 1
