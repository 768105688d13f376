"""The public statistics page (*Statistik*) for the regional government's performance reports."""

import csv

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.spreadsheets import formula_safe
from public_statistics import counting
from public_statistics.suppression import THRESHOLD

HIDDEN = "*"


class StatisticsPage(RoutablePageMixin, Page):
    """Participants per year, category, regency, sub-district, sex, age band and disability, with
    completion and certificate rates; every figure under five people is suppressed."""

    introduction = RichTextField(gettext_lazy("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = gettext_lazy("statistics page")

    def _selected_year(self, request, published):
        value = request.GET.get("tahun")
        if value in (None, ""):
            return published[0] if published else None
        try:
            year = int(value)
        except ValueError:
            raise Http404
        if year not in published:
            raise Http404
        return year

    def figures(self, request):
        overview = counting.year_overview()
        published = counting.published_years(overview)
        year = self._selected_year(request, published)
        tables, rates, total = counting.year_tables(year) if year else ([], (None, None), 0)
        return {
            "overview": overview,
            "published_years": published,
            "year": year,
            "tables": tables,
            "year_total": total,
            "year_completion_rate": rates[0],
            "year_certificate_rate": rates[1],
            "threshold": THRESHOLD,
        }

    @path("")
    def index_view(self, request):
        return self.render(request, context_overrides=self.figures(request))

    @path("csv/", name="csv")
    def csv_view(self, request):
        figures = self.figures(request)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="statistik-peserta-{figures["year"] or "semua"}.csv"'
        response.write("\ufeff")
        writer = FormulaSafeWriter(csv.writer(response))
        writer.writerow(
            [_("table"), _("year"), _("group"), _("participants"), _("completion rate (%)"), _("certificate rate (%)")]
        )
        for table, year in [(figures["overview"], "")] + [(table, figures["year"]) for table in figures["tables"]]:
            for row in table.rows:
                writer.writerow(
                    [
                        table.title,
                        year or row.label if table.key == "year" else year,
                        row.label,
                        HIDDEN if row.hidden else row.count,
                        _value(row.completion_rate) if table.with_rates else "",
                        _value(row.certificate_rate) if table.with_rates else "",
                    ]
                )
            if table.show_total:
                writer.writerow(
                    [table.title, year, _("Total"), HIDDEN if table.total is None else table.total, "", ""]
                )
        writer.writerow([])
        writer.writerow(
            [
                _(
                    "%(symbol)s = hidden: fewer than %(n)d people, or hidden so that a small figure "
                    "cannot be worked out from the totals."
                )
                % {"symbol": HIDDEN, "n": THRESHOLD}
            ]
        )
        return response


def _value(rate):
    return HIDDEN if rate is None else rate


class FormulaSafeWriter:
    """A csv writer whose text cells cannot run as formulas (labels may come from what people typed)."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row):
        return self.writer.writerow([formula_safe(str(cell)) if isinstance(cell, str) else cell for cell in row])
