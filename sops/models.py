"""Published SOPs (Standar Operasional Prosedur) as Wagtail pages.

Each office publishes its SOP documents; the portal publishes them too, with the total
standard time computed from the steps and a swimlane chart. The live page is also the
source of the standard times the process core (``procedures``) times each case with,
read through :mod:`sops.standards`, so the public sees the very standards the clock uses.
"""

from collections import OrderedDict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sops import durations
from sops.blocks import RelatedSOPBlock, item_list
from sops.forms import SOPPageForm
from sops.links import procedure_choices

ACTOR_SEPARATOR = ";"


def format_document_date(value, month_only):
    """Dates as the documents print them: "31 Agustus 2023", or "Agustus 2023" when only the month is known."""
    if value is None:
        return ""
    if month_only:
        return formats.date_format(value, "F Y")
    return formats.date_format(value, "j F Y")


class SOPIndexPage(Page):
    """The list of published SOPs (``/sop/``), grouped by the office that issued them."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    subpage_types = ["sops.SOPPage"]

    def cache_tags(self):
        return ["sops"]

    class Meta:
        verbose_name = _("SOP index page")

    def sop_pages(self):
        return (
            SOPPage.objects.child_of(self)
            .live()
            .public()
            .order_by("issuer", "sop_number", "title")
            .prefetch_related("steps")
        )

    def groups(self):
        """``[(issuer, [page, ...]), ...]`` in issuer order; two queries whatever the number of SOPs."""
        grouped = OrderedDict()
        for page in self.sop_pages():
            grouped.setdefault(page.issuer, []).append(page)
        return list(grouped.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups()
        return context


class SOPPage(Page):
    """One SOP document: its header (number, dates, approver, legal basis ...) and its steps."""

    issuer = models.CharField(
        _("office / issuer"),
        max_length=400,
        help_text=_("As printed, e.g. the office and the unit: 'Dinas … Provinsi Kalimantan Barat – Bidang …'."),
    )
    sop_number = models.CharField(_("SOP number"), max_length=120, blank=True)
    date_made = models.DateField(_("date made"), null=True, blank=True)
    date_made_month_only = models.BooleanField(
        _("only the month is printed"),
        default=False,
        help_text=_("Tick when the document prints only a month and year (e.g. 'Agustus 2023')."),
    )
    date_revised = models.DateField(_("date revised"), null=True, blank=True)
    date_effective = models.DateField(_("date effective"), null=True, blank=True)
    date_effective_month_only = models.BooleanField(
        _("only the month is printed"),
        default=False,
        help_text=_("Tick when the document prints only a month and year (e.g. 'Agustus 2023')."),
    )
    approver_title = models.CharField(_("approved by (position)"), max_length=300, blank=True)
    approver_name = models.CharField(_("approver's name"), max_length=200, blank=True)
    approver_rank = models.CharField(_("approver's rank"), max_length=120, blank=True)
    approver_nip = models.CharField(_("approver's NIP"), max_length=30, blank=True)
    legal_basis = StreamField(item_list(), verbose_name=_("legal basis"), blank=True)
    qualifications = StreamField(item_list(), verbose_name=_("executor qualifications"), blank=True)
    related_sops = StreamField([("sop", RelatedSOPBlock())], verbose_name=_("related SOPs"), blank=True)
    equipment = StreamField(item_list(), verbose_name=_("equipment"), blank=True)
    warning = models.TextField(_("warning"), blank=True)
    records = models.TextField(_("records kept"), blank=True)
    stated_total = models.CharField(
        _("total as printed"),
        max_length=200,
        blank=True,
        help_text=_("The total time exactly as the document prints it, e.g. '4 Hari 1 Jam 13 Menit (5 Hari)'."),
    )
    procedure_code = models.SlugField(
        _("followed by the service"),
        max_length=60,
        blank=True,
        choices=procedure_choices,
        help_text=_(
            "The tracked service that follows this SOP. The service then times each step with the standard "
            "times published here."
        ),
    )
    library_key = models.SlugField(
        _("SOP library entry"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The entry of the SOP library this page was adopted from."),
    )
    staff_notes = models.TextField(
        _("staff notes"),
        blank=True,
        help_text=_(
            "Only for staff, never shown on the public site: where the SOP comes from and what was completed or "
            "corrected in the source."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("issuer"),
                FieldPanel("sop_number"),
                FieldRowPanel([FieldPanel("date_made"), FieldPanel("date_made_month_only")]),
                FieldPanel("date_revised"),
                FieldRowPanel([FieldPanel("date_effective"), FieldPanel("date_effective_month_only")]),
            ],
            heading=_("Document"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("approver_title"),
                FieldPanel("approver_name"),
                FieldRowPanel([FieldPanel("approver_rank"), FieldPanel("approver_nip")]),
            ],
            heading=_("Approved by"),
        ),
        FieldPanel("legal_basis"),
        FieldPanel("qualifications"),
        FieldPanel("related_sops"),
        FieldPanel("equipment"),
        FieldPanel("warning"),
        FieldPanel("records"),
        InlinePanel("steps", heading=_("Steps"), label=_("Step"), min_num=1),
        FieldPanel("stated_total"),
        MultiFieldPanel(
            [FieldPanel("library_key", read_only=True), FieldPanel("staff_notes")],
            heading=_("Staff only"),
            classname="collapsed",
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("procedure_code")]

    search_fields = Page.search_fields + [
        index.SearchField("sop_number", boost=3),
        index.AutocompleteField("sop_number"),
        index.SearchField("issuer"),
        index.AutocompleteField("issuer"),
        index.SearchField("legal_basis"),
        index.SearchField("warning"),
        index.RelatedFields("steps", [index.SearchField("activity"), index.SearchField("actor")]),
        index.FilterField("procedure_code"),
    ]
    parent_page_types = ["sops.SOPIndexPage"]
    subpage_types = []
    cache_listing_tags = ("sops",)
    base_form_class = SOPPageForm

    def cache_tags(self):
        # The page links its related SOPs to the pages adopted from them: adopting or withdrawing
        # any SOP (which purges "sops") must refresh it.
        return ["sops"]

    class Meta:
        verbose_name = _("SOP page")
        constraints = [
            models.UniqueConstraint(
                fields=["procedure_code"],
                condition=~models.Q(procedure_code=""),
                name="sops_unique_procedure_code",
            )
        ]

    def clean(self):
        super().clean()
        if self.procedure_code:
            taken = SOPPage.objects.filter(procedure_code=self.procedure_code).exclude(pk=self.pk)
            if taken.exists():
                raise ValidationError(
                    {"procedure_code": gettext("Another SOP page already uses this procedure code.")}
                )

    # --- dates as printed
    @property
    def date_made_display(self):
        return format_document_date(self.date_made, self.date_made_month_only)

    @property
    def date_revised_display(self):
        return format_document_date(self.date_revised, False)

    @property
    def date_effective_display(self):
        return format_document_date(self.date_effective, self.date_effective_month_only)

    # --- steps and times
    def ordered_steps(self):
        # While a page renders (``get_context``) the steps are read once; elsewhere always fresh.
        memo = getattr(self, "_rendering_steps", None)
        if memo is not None:
            return memo
        return sorted(self.steps.all(), key=lambda step: (step.sort_order is None, step.sort_order or 0, step.pk or 0))

    def total_range(self):
        return durations.total_range(
            (step.time_value, step.time_value_max, step.time_unit) for step in self.ordered_steps()
        )

    @property
    def total_display(self):
        return str(self.total_range())

    @property
    def has_per_unit_steps(self):
        return any(step.per_unit for step in self.ordered_steps())

    @property
    def stated_total_differs(self):
        """True when the document prints a total other than the sum of its own steps (SOP 001 does)."""
        if not self.stated_total:
            return False
        total = self.total_range()
        stated = durations.parse_simple(self.stated_total)
        if stated is not None and not total.is_range:
            return (stated.days, stated.minutes) != (total.low.days, total.low.minutes)
        return _normalise(self.stated_total) != _normalise(str(total))

    def actors(self):
        """The actors in order of first appearance: the lanes of the swimlane chart."""
        seen = []
        for step in self.ordered_steps():
            for actor in step.actor_list:
                if actor not in seen:
                    seen.append(actor)
        return seen

    def swimlane(self):
        from sops.swimlane import build_swimlane

        return build_swimlane(self.actors(), self.ordered_steps())

    def related_sop_links(self):
        """``[(title, live page or None), ...]``: a chosen page, else the live page adopted from the block's entry."""
        blocks = [block.value for block in self.related_sops]
        keys = {value.get("library_key") for value in blocks if not value.get("page") and value.get("library_key")}
        adopted = {}
        if keys:
            for page in SOPPage.objects.live().public().filter(library_key__in=keys).order_by("pk"):
                adopted.setdefault(page.library_key, page)
        links = []
        for value in blocks:
            page = value.get("page")
            page = page if page is not None and page.live else adopted.get(value.get("library_key"))
            links.append((value["title"], page))
        return links

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_links"] = self.related_sop_links()
        self._rendering_steps = None
        self._rendering_steps = context["steps"] = self.ordered_steps()
        context["swimlane"] = self.swimlane()
        context["total"] = self.total_range()
        return context


def _normalise(text):
    return " ".join(text.lower().split())


class SOPStep(Orderable):
    """One row of an SOP's table: who does what, with which documents, in what standard time."""

    UNIT_CHOICES = [
        (durations.MINUTES, _("minutes")),
        (durations.HOURS, _("hours")),
        (durations.DAYS, _("days")),
        (durations.WORKING_DAYS, _("working days")),
    ]

    page = ParentalKey(SOPPage, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveIntegerField(_("number"), help_text=_("The step's place in the procedure."))
    label = models.CharField(
        _("printed number"),
        max_length=20,
        blank=True,
        help_text=_("The number as the document prints it, when it differs (documents sometimes misnumber)."),
    )
    activity = models.TextField(_("activity"))
    actor = models.CharField(
        _("actor"),
        max_length=300,
        help_text=_("The actor column, e.g. 'Ketua Tim Kerja'. Separate several actors with a semicolon."),
    )
    requirements = models.TextField(pgettext_lazy("SOP", "requirements"), blank=True)
    quality_standard = models.TextField(_("quality standard"), blank=True)
    time_value = models.DecimalField(
        _("standard time"), max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    time_value_max = models.DecimalField(
        _("standard time, upper bound"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Only for ranges such as '5-10 menit'."),
    )
    time_unit = models.CharField(_("unit"), max_length=20, choices=UNIT_CHOICES, default=durations.MINUTES)
    per_unit = models.CharField(
        _("per"), max_length=60, blank=True, help_text=_("e.g. 'per peserta' when the time is per participant.")
    )
    time_text = models.CharField(
        _("time as printed"), max_length=100, blank=True, help_text=_("e.g. 'Variatif (2-4 jam/sesi)'.")
    )
    output = models.TextField(_("output"), blank=True)
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("label")]),
        FieldPanel("activity"),
        FieldPanel("actor"),
        FieldPanel("requirements"),
        FieldPanel("quality_standard"),
        FieldRowPanel([FieldPanel("time_value"), FieldPanel("time_value_max"), FieldPanel("time_unit")]),
        FieldRowPanel([FieldPanel("per_unit"), FieldPanel("time_text")]),
        FieldPanel("output"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("SOP step")
        verbose_name_plural = _("SOP steps")

    def __str__(self):
        return f"{self.display_label}. {self.activity[:60]}"

    def clean(self):
        super().clean()
        errors = {}
        if self.time_value is not None and self.time_value <= 0:
            errors["time_value"] = gettext("The standard time must be more than zero.")
        if self.time_value_max is not None and self.time_value is not None and self.time_value_max <= self.time_value:
            errors["time_value_max"] = gettext("The upper bound must be more than the standard time.")
        if self.time_unit not in durations.UNITS:
            errors["time_unit"] = gettext("Choose a unit.")
        if not self.actor_list:
            errors["actor"] = gettext("Name at least one actor.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.label = (self.label or "").strip() or str(self.number)
        super().save(*args, **kwargs)

    @property
    def display_label(self):
        return self.label or str(self.number)

    @property
    def actor_list(self):
        return [name.strip() for name in (self.actor or "").split(ACTOR_SEPARATOR) if name.strip()]

    @property
    def actor_display(self):
        names = self.actor_list
        if len(names) <= 1:
            return "".join(names)
        return gettext("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}

    @property
    def time_text_differs(self):
        """Show the printed time too when it says more than the number (e.g. 'Variatif (2-4 jam/sesi)')."""
        return bool(self.time_text) and _normalise(self.time_text) != _normalise(self.time_display)

    @property
    def time_display(self):
        text = durations.format_range(self.time_value, self.time_value_max, self.time_unit)
        if self.per_unit:
            text = f"{text} {self.per_unit}"
        return text
