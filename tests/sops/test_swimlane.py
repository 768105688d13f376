import pytest
from bs4 import BeautifulSoup

from sops.factories import SOPStepFactory

pytestmark = pytest.mark.django_db

LICENCE_LANES = [
    "Pemohon",
    "Front Office",
    "Back Office",
    "Dinas Teknis",
    "Kabid Perizinan",
    "Sekretaris",
    "Kepala Dinas",
]


def chart(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.select_one("table.swimlane__table")


def test_actors_are_columns_in_order_of_first_appearance(client, licence):
    table = chart(client, licence)
    heads = [th.get_text(strip=True) for th in table.select("thead th.swimlane__lane-head")]
    assert heads == LICENCE_LANES
    rows = table.select("tbody tr")
    assert len(rows) == 9
    # One marker per row, in the acting column.
    for row, step in zip(rows, licence.ordered_steps(), strict=True):
        lanes = row.select("td.swimlane__lane")
        marked = [heads[i] for i, cell in enumerate(lanes) if cell.select_one(".sl-marker")]
        assert marked == step.actor_list
    assert rows[3].select_one("td.swimlane__time").get_text(strip=True) == "4 hari"


def test_connectors_follow_the_flow(licence):
    lane = licence.swimlane()
    first, second, last = lane.rows[0], lane.rows[1], lane.rows[-1]
    assert first.cells[0].classes == ["sl-out", "sl-bottom-right", "sl-has-marker"]
    assert first.cells[1].classes == ["sl-bottom-left"]
    assert "sl-in" in second.cells[1].classes
    # The last step (back to the applicant) has an arrow in and nothing out.
    assert last.cells[0].classes == ["sl-in", "sl-has-marker"]
    # Step 8 (Kepala Dinas) goes back to the applicant's lane: every lane in between is crossed.
    eighth = lane.rows[7]
    assert [c.classes for c in eighth.cells[1:6]] == [["sl-bottom-full"]] * 5


def test_a_step_with_two_actors_marks_both(client, licence):
    SOPStepFactory(page=licence, number=10, sort_order=10, actor="Kepala Dinas; Pemohon")
    assert licence.actors() == LICENCE_LANES
    table = chart(client, licence)
    tenth = table.select("tbody tr")[9]
    assert len(tenth.select(".sl-marker")) == 2
    lanes = tenth.select("td.swimlane__lane")
    assert "sl-mid-right" in lanes[0]["class"] and "sl-mid-left" in lanes[6]["class"]
    assert "sl-mid-full" in lanes[3]["class"]


def test_plain_list_of_steps_for_screen_readers_and_print(client, licence):
    soup = BeautifulSoup(client.get(licence.url).content, "html.parser")
    items = soup.select("ol.sop-steps > li")
    assert len(items) == 9
    assert "Dinas Teknis" in items[3].get_text()
