"""An editor builds a form with an upload field in the real Wagtail admin (Indonesian UI), and a
visitor on a phone fills it in and attaches a PDF."""

import pytest

from wagtail.models import Site

from accounts import roles
from courses.factories import minimal_pdf
from form_pages.models import FormPage, FormPageSubmission, FormUpload


def press(page, selector):
    # Footer actions sit in a dropdown; the click is dispatched to the button itself.
    page.locator(selector).first.dispatch_event("click")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_builds_an_upload_form_and_a_visitor_sends_it_from_a_phone(
    browser_page, phone_page, login_in_browser, user_factory, tmp_path
):
    from django.core.cache import cache

    cache.clear()
    home = Site.objects.get(is_default_site=True).root_page
    editor = user_factory(email="editor.form@contoh.test", roles=[roles.EDITOR])
    page = browser_page
    login_in_browser(page, editor)

    page.goto(f"/admin/pages/add/form_pages/formpage/{home.pk}/")
    assert "Simpan draf" in page.content()  # the admin speaks Indonesian
    page.fill("#id_title", "Pendaftaran Pameran Karya Alumni")
    fields = [
        ("Nama lengkap", "singleline", True),
        ("Email", "email", True),
        ("Foto atau PDF karya", "file", True),
    ]
    for index, (label, field_type, required) in enumerate(fields):
        page.locator("#id_form_fields-ADD").click()
        page.fill(f"#id_form_fields-{index}-label", label)
        page.select_option(f"#id_form_fields-{index}-field_type", field_type)
        if required:
            page.check(f"#id_form_fields-{index}-required")
    assert page.locator("#id_form_fields-2-field_type option[value='file']").inner_text() == "Unggah berkas"
    page.fill("#id_confirmation_text", "Kurator kami menghubungi Anda dalam satu minggu.")
    with page.expect_navigation():
        press(page, "button[name='action-publish']")

    form_page = FormPage.objects.get(title="Pendaftaran Pameran Karya Alumni")
    assert form_page.live
    assert [field.field_type for field in form_page.get_form_fields()] == ["singleline", "email", "file"]

    pdf = tmp_path / "karya-batik.pdf"
    pdf.write_bytes(minimal_pdf("Karya batik"))
    phone = phone_page
    phone.goto(form_page.url)
    phone.fill("input[name='nama_lengkap']", "Siti Aminah")
    phone.fill("input[name='email']", "siti.aminah@contoh.test")
    # Sent without the file first: the error is shown, and what was typed stays.
    phone.click("main form button[type=submit]")
    assert phone.locator(".field--error").count() == 1
    assert phone.input_value("input[name='nama_lengkap']") == "Siti Aminah"
    phone.set_input_files("input[name='foto_atau_pdf_karya']", str(pdf))
    with phone.expect_navigation():
        phone.click("main form button[type=submit]")
    assert phone.url.endswith("/terkirim/")
    assert "sudah terkirim" in phone.content() or "Terima kasih" in phone.content()

    submission = FormPageSubmission.objects.get(page=form_page)
    upload = FormUpload.objects.get(submission=submission)
    assert upload.original_name == "karya-batik.pdf"
    assert submission.get_data()["nama_lengkap"] == "Siti Aminah"

    # The editor opens the submission list and downloads the file through the checked view.
    page.goto(f"/admin/forms/submissions/{form_page.pk}/")
    assert "Siti Aminah" in page.content()
    response = page.request.get(upload.get_absolute_url())
    assert response.status == 200 and response.body() == pdf.read_bytes()
