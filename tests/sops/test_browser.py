import re

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reading_the_licence_sop_on_a_phone(phone_page, demo_sops):
    page = phone_page
    page.goto("/sop/")
    page.get_by_role("link", name="Penerbitan Izin Penyelenggaraan Kursus dan Pelatihan").click()
    page.wait_for_url(re.compile(r"/sop/izin-penyelenggaraan-kursus-dan-pelatihan/$"))
    total = page.locator(".sop-total__value")
    assert total.inner_text() == "4 hari 1 jam 18 menit"
    assert total.is_visible()
    # The source document's printed total is a note for staff, not for the public.
    assert "4 Hari 1 Jam 13 Menit" not in page.locator("main").inner_text()

    chart = page.locator(".swimlane__scroll")
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    assert page.locator("table.swimlane__table tbody tr").count() == 9
    # The chart scrolls inside its box; the page itself does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert chart.evaluate("el => el.scrollWidth > el.clientWidth")
    # The step column stays in view while the lanes scroll.
    chart.evaluate("el => { el.scrollLeft = 400; }")
    first_cell = page.locator("tbody th.swimlane__step").first
    assert first_cell.bounding_box()["x"] < 40
