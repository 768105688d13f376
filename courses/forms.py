"""The catalogue's GET filter form: every filter lives in the query string, so it works without JavaScript."""

import datetime
import re

from django import forms
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from categories.models import Category
from courses.models import CoursePage
from portal.pagecache import remember

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class CatalogueFilterForm(forms.Form):
    STATUS_CHOICES = [
        ("", _("Any status")),
        ("open", _("Registration open")),
        ("upcoming", _("Upcoming")),
        ("running", _("Running")),
        ("finished", _("Finished")),
    ]

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False)
    month = forms.CharField(
        label=_("Month"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"}),
        help_text=_("Year and month, for example 2026-01."),
    )
    mode = forms.ChoiceField(label=_("Mode"), required=False, choices=[("", _("Any mode"))] + CoursePage.Mode.choices)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Kept in the cache until a category changes (``categories`` tag of the page cache).
        self.categories = remember(
            "catalogue-categories", ["categories"], lambda: list(Category.objects.only("name", "slug"))
        )
        self.fields["category"].choices = [("", _("All categories"))] + [(c.slug, c.name) for c in self.categories]

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = MONTH_RE.match(value)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise forms.ValidationError(_("Enter a month as YYYY-MM."))
        return int(match.group(1)), int(match.group(2))

    def filter(self, courses):
        data = getattr(self, "cleaned_data", {})
        if data.get("category"):
            courses = courses.filter(category__slug=data["category"])
        if data.get("month"):
            courses = courses.in_month(*data["month"])
        if data.get("mode"):
            courses = courses.filter(mode=data["mode"])
        status = data.get("status")
        if status == "open":
            courses = courses.registration_open()
        elif status == "upcoming":
            courses = courses.upcoming()
        elif status == "running":
            courses = courses.running()
        elif status == "finished":
            courses = courses.finished()
        if data.get("q"):
            # The catalogue's own box narrows the cards by plain matching; /cari/ is the full-text search.
            for word in data["q"].split()[:8]:
                courses = courses.filter(
                    Q(title__icontains=word)
                    | Q(summary__icontains=word)
                    | Q(cohort__icontains=word)
                    | Q(location_name__icontains=word)
                    | Q(category__name__icontains=word)
                )
        return courses

    def active_filters(self):
        """``[(label, value)]`` of the filters in use, shown above the results."""
        data, active = getattr(self, "cleaned_data", {}), []
        if data.get("q"):
            active.append((self.fields["q"].label, data["q"]))
        if data.get("category"):
            names = {c.slug: c.name for c in self.categories}
            active.append((self.fields["category"].label, names.get(data["category"], data["category"])))
        if data.get("month"):
            year, month = data["month"]
            active.append((self.fields["month"].label, formats.date_format(datetime.date(year, month, 1), "F Y")))
        for name in ("mode", "status"):
            if data.get(name):
                active.append((self.fields[name].label, dict(self.fields[name].choices)[data[name]]))
        return active
