"""The first public journey in a real browser: home → English → sign up → confirm email → log in → /saya/."""

import re

import pytest

from django.core import mail

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_in_english_confirm_by_email_and_reach_the_member_area(browser_page, live_server):
    page = browser_page
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("link", name="Daftar", exact=True).is_visible()

    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Sign up", exact=True).click()

    assert page.get_by_role("heading", name="Sign Up").is_visible()
    page.get_by_label("First name").fill("Komang")
    page.get_by_label("Last name").fill("Ayu Lestari")
    page.get_by_label("Email").fill("komang.ayu@contoh.test")
    page.locator("#id_password1").fill("Tari-gandrung-2024")
    page.get_by_label("Password (again)").fill("Tari-gandrung-2024")
    page.get_by_role("button", name="Sign Up").click()

    assert page.get_by_role("heading", name="Verify Your Email Address").is_visible()
    user = User.objects.get(email="komang.ayu@contoh.test")
    assert user.get_full_name() == "Komang Ayu Lestari"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/akun/confirm-email/\S+", mail.outbox[0].body).group(0)
    assert link.startswith(live_server.url)

    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r".*/(saya|akun/login)/$"))

    # Log out if confirming signed the visitor in, then log in with the new password.
    if page.url.endswith("/saya/"):
        page.get_by_role("button", name="Log out").click()
        page.wait_for_url(re.compile(r".*/$"))
    page.goto("/akun/login/")
    page.get_by_label("Email").fill("komang.ayu@contoh.test")
    page.get_by_label("Password").fill("Tari-gandrung-2024")
    page.get_by_role("button", name="Sign In").click()

    page.wait_for_url(f"{live_server.url}/saya/")
    assert page.get_by_role("heading", name="Hello, Komang Ayu Lestari").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"
