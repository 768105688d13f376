"""The communications editor publishes a class page from the Indonesian Wagtail editor.

Nothing is posted by hand: the editor opens the page, changes only the summary and presses
*Publikasi*, so every value the editor prefilled (registration dates and times included) goes
back exactly as the admin wrote it.
"""

import datetime

import pytest

from django.utils import timezone

from accounts import roles
from courses.factories import CourseIndexPageFactory, CoursePageFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_changes_a_class_summary_and_publishes_in_indonesian(browser_page, login_in_browser, user_factory):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    opens = timezone.make_aware(datetime.datetime(2026, 11, 1, 21, 24))
    closes = timezone.make_aware(datetime.datetime(2026, 11, 20, 16, 0))
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home),
        title="Tari Gandrung untuk Pemula",
        registration_opens=opens,
        registration_closes=closes,
    )
    editor = user_factory(roles=[roles.EDITOR])
    page = browser_page
    # The page editor loads a lot of JavaScript: give a busy CI machine time.
    page.set_default_timeout(60_000)
    login_in_browser(page, editor)

    page.goto(f"/admin/pages/{course.pk}/edit/")
    assert page.locator("html").get_attribute("lang") == "id"
    # The admin prefills the date-times in its own format …
    assert page.locator("#id_registration_opens").input_value() == "01-11-2026 21:24"
    page.fill("#id_summary", "Kelas gerak dasar Gandrung untuk remaja dan dewasa.")
    publish = page.locator("button[name='action-publish']").first
    assert "Publikasi" in publish.text_content()
    with page.expect_navigation():
        publish.dispatch_event("click")

    # … and reads them back: the page is published with the new summary and the same dates.
    assert "Masukkan tanggal/waktu yang valid" not in page.content()
    course.refresh_from_db()
    assert course.summary == "Kelas gerak dasar Gandrung untuk remaja dan dewasa."
    assert course.live and not course.has_unpublished_changes
    assert (course.registration_opens, course.registration_closes) == (opens, closes)
