"""The figures of the public statistics page, counted from the enrolment and certificate records.

The unit is a *participation*: one accepted enrolment of one person in one class (a person
in two classes counts twice), placed in the year the class starts. Every table of a year
partitions that year's participations, so each can be suppressed on its own.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from enrolment.models import Enrolment, Participant
from enrolment.procedure import PARTICIPATING_STATES
from public_statistics.suppression import is_small, safe_rate, suppress

AGE_BANDS = [(0, 19, _("under 20")), (20, 29, "20–29"), (30, 39, "30–39"), (40, 49, "40–49"), (50, 59, "50–59")]
OLDEST_BAND = _("60 and over")


@dataclass
class Row:
    label: str
    count: int | None  # None when hidden
    completion_rate: int | None = None
    certificate_rate: int | None = None
    share: float = 0.0  # of the largest shown count, for the bar chart

    @property
    def hidden(self):
        return self.count is None


@dataclass
class Table:
    key: str
    title: str
    rows: list = field(default_factory=list)
    total: int | None = None
    with_rates: bool = False
    show_total: bool = True

    @property
    def any_hidden(self):
        return any(row.hidden for row in self.rows) or self.total is None


@dataclass
class Record:
    year: int
    category: str
    gender: str
    regency: str
    district: str
    age: int
    disability: bool
    completed: bool
    passed: bool
    certified: bool


def age_band(age):
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return str(label)
    return str(OLDEST_BAND)


def _age(born, on):
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def participations():
    return Enrolment.objects.filter(state__in=PARTICIPATING_STATES)


def records(year=None):
    """One ``Record`` per participation, from two queries."""
    queryset = participations()
    if year is not None:
        queryset = queryset.filter(course__start_date__year=year)
    rows = list(
        queryset.values_list(
            "pk",
            "state",
            "result",
            "course__start_date",
            "course__category__name",
            "participant__gender",
            "participant__regency",
            "participant__district",
            "participant__birth_date",
            "participant__disability",
        )
    )
    certified = set(
        Certificate.objects.valid()
        .filter(enrolment_id__in=[row[0] for row in rows])
        .values_list("enrolment_id", flat=True)
    )
    genders = dict(Participant.Gender.choices)
    result = []
    for pk, state, outcome, start, category, gender, regency, district, born, disability in rows:
        result.append(
            Record(
                year=start.year,
                category=category or str(_("No category")),
                gender=str(genders.get(gender, gender)),
                regency=" ".join(regency.split()).title() or str(_("Not stated")),
                district=" ".join(district.split()).title() or str(_("Not stated")),
                age=_age(born, start),
                disability=bool(disability.strip()),
                completed=state == "completed",
                passed=outcome == Enrolment.Result.PASSED,
                certified=pk in certified,
            )
        )
    return result


def years():
    return sorted(
        {start.year for start in participations().values_list("course__start_date", flat=True).distinct()},
        reverse=True,
    )


def _rates(items):
    completed = [item for item in items if item.completed]
    passed = [item for item in completed if item.passed]
    certified = [item for item in passed if item.certified]
    return safe_rate(len(passed), len(completed)), safe_rate(len(certified), len(passed))


def build_table(key, title, items, label_of, with_rates=False, order=None, show_total=True):
    """A table of participations grouped by ``label_of``, suppressed so that no small cell shows.

    Without a published total (``show_total=False``) nothing can be subtracted, so only the
    small cells themselves are hidden.
    """
    groups = {}
    for item in items:
        groups.setdefault(label_of(item), []).append(item)
    labels = sorted(groups, key=order or (lambda label: (-len(groups[label]), label)))
    counts = [len(groups[label]) for label in labels]
    if show_total:
        hidden, total_hidden = suppress(counts)
    else:
        hidden, total_hidden = [is_small(count) for count in counts], True
    largest = max([count for count, flag in zip(counts, hidden, strict=True) if not flag] or [0])
    rows = []
    for label, count, flag in zip(labels, counts, hidden, strict=True):
        row = Row(label=label, count=None if flag else count)
        if with_rates:
            row.completion_rate, row.certificate_rate = _rates(groups[label])
        if not flag and largest:
            row.share = count / largest
        rows.append(row)
    return Table(
        key, title, rows, total=None if total_hidden else sum(counts), with_rates=with_rates, show_total=show_total
    )


def year_overview():
    """Participants and rates per year. No all-years total is published: years are separate
    populations, and without a total a hidden small year cannot be worked out from the others."""
    items = records()
    return build_table(
        "year",
        _("Participants per year"),
        items,
        lambda r: str(r.year),
        with_rates=True,
        order=lambda y: y,
        show_total=False,
    )


def published_years(overview=None):
    """Years whose count is shown in the overview: only those get a detailed view."""
    overview = overview or year_overview()
    return [int(row.label) for row in overview.rows if not row.hidden]


def year_tables(year):
    items = records(year)
    band_order = [str(label) for _low, _high, label in AGE_BANDS] + [str(OLDEST_BAND)]
    return (
        [
            build_table("category", _("Participants per category"), items, lambda r: r.category, with_rates=True),
            build_table("regency", _("Participants per regency / city"), items, lambda r: r.regency),
            build_table("district", _("Participants per sub-district"), items, lambda r: r.district),
            build_table("sex", _("Participants by sex"), items, lambda r: r.gender, order=lambda label: label),
            build_table(
                "age", _("Participants by age band"), items, lambda r: age_band(r.age), order=band_order.index
            ),
            build_table(
                "disability",
                _("Participants with a disability or accommodation need"),
                items,
                lambda r: str(_("With a disability or need")) if r.disability else str(_("None stated")),
                order=lambda label: label,
            ),
        ],
        _rates(items),
        len(items),
    )
