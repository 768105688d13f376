from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from sops.factories import SOPIndexPageFactory, SOPPageFactory
from sops.models import SOPIndexPage, SOPPage, SOPStep


class TestPageTree(WagtailPageTestCase):
    def test_where_pages_may_be_created(self):
        self.assertCanCreateAt(HomePage, SOPIndexPage)
        self.assertCanCreateAt(Page, SOPIndexPage)
        self.assertCanCreateAt(SOPIndexPage, SOPPage)
        self.assertCanNotCreateAt(HomePage, SOPPage)
        self.assertCanNotCreateAt(StandardPage, SOPPage)
        self.assertCanNotCreateAt(SOPPage, SOPPage)
        self.assertAllowedSubpageTypes(SOPIndexPage, {SOPPage})
        self.assertAllowedSubpageTypes(SOPPage, set())


@pytest.mark.django_db
def test_licence_total_is_computed_not_copied(licence):
    """The printed total of SOP 001 does not match its own steps: show both, never fake the sum."""
    with translation.override("id"):
        assert licence.total_display == "4 hari 1 jam 18 menit"
    assert licence.stated_total_differs


@pytest.mark.django_db
def test_licence_page_shows_both_totals(client, licence):
    with translation.override("id"):
        html = client.get(licence.url, HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "4 hari 1 jam 18 menit" in html
    assert "Dokumen SOP mencantumkan 4 Hari 1 Jam 13 Menit (5 Hari)" in html


@pytest.mark.django_db
def test_english_page_translates_the_duration(client, licence):
    html = client.get(licence.url, HTTP_ACCEPT_LANGUAGE="en", headers={"Cookie": "portal_language=en"}).content
    assert b"4 days 1 hour 18 minutes" in html


@pytest.mark.django_db
def test_step_validation(licence):
    step = SOPStep(
        page=licence,
        number=10,
        activity="x",
        actor="Pemohon",
        time_value=Decimal(10),
        time_value_max=Decimal(5),
        time_unit="minutes",
    )
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "time_value_max" in error.value.message_dict
    step.time_value_max, step.actor = None, " ; "
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "actor" in error.value.message_dict
    step.actor, step.time_value = "Pemohon", Decimal(0)
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "time_value" in error.value.message_dict


@pytest.mark.django_db
def test_label_defaults_to_number(licence):
    assert [step.label for step in licence.ordered_steps()] == [str(n) for n in range(1, 10)]


@pytest.mark.django_db
def test_procedure_code_is_unique_when_set(home, licence):
    other = SOPPageFactory(parent=licence.get_parent(), title="Lain", procedure_code="")
    other.procedure_code = "course_licence"
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "procedure_code" in error.value.message_dict
    SOPPageFactory(parent=licence.get_parent(), title="Tanpa kode", procedure_code="")  # blanks may repeat


@pytest.mark.django_db
def test_index_groups_by_issuer_in_constant_queries(home, django_assert_max_num_queries):
    index = SOPIndexPageFactory(parent=home)
    for issuer in ("Dinas B", "Dinas A", "Dinas B"):
        SOPPageFactory(parent=index, issuer=issuer)
    with django_assert_max_num_queries(3):
        groups = index.groups()
        totals = [page.total_display for _, pages in groups for page in pages]
    assert [issuer for issuer, _ in groups] == ["Dinas A", "Dinas B"]
    assert len(totals) == 3
    assert isinstance(Page.objects.get(pk=index.pk).specific, SOPIndexPage)
