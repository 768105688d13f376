"""Class pages: the catalogue at /kelas/ and one page per class offering, with its seats.

SOP 000 "Inovasi Kelas Kreatif" and SOP 002 "Penyelenggaraan Kegiatan Pengembangan Kompetensi
Teknis": a class is published here with its dates, place, registration window and seats; the
enrolment app fills the seats and shows its registration box through ``courses.hooks``.
"""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Prefetch, Q, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from courses.blocks import CourseBodyBlock
from courses.hooks import course_page_panels
from portal.dates import office_datetime
from portal.text import text_lines

from .agenda import format_minutes

CARD_RENDITION = "fill-640x360"


class CourseIndexPage(Page):
    """The catalogue at /kelas/: cards of published classes with filters in the query string."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    page_size = 12

    def cache_tags(self):
        """The page cache's tags for what the catalogue shows (``portal.pagecache``)."""
        return ["courses"]

    class Meta:
        verbose_name = _("class catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        courses = CoursePage.objects.live().public().descendant_of(self).for_listing()
        if form.is_bound:
            # Invalid fields are left out of cleaned_data, so the valid filters still apply.
            form.is_valid()
            courses = form.filter(courses)
        context["filter_form"] = form
        context["active_filters"] = form.active_filters() if form.is_bound else []
        context["courses"] = Paginator(courses, self.page_size).get_page(request.GET.get("page"))
        return context


class CoursePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Everything a card shows in a fixed number of queries, soonest classes first, finished last."""
        Image = get_image_model()
        today = timezone.localdate()
        return (
            self.select_related("category", "seat_count")
            .prefetch_related(Prefetch("image", queryset=Image.objects.prefetch_renditions(CARD_RENDITION)))
            .annotate(
                is_finished=Case(When(end_date__lt=today, then=1), default=0, output_field=models.IntegerField())
            )
            .order_by("is_finished", Case(When(end_date__lt=today, then=None), default=F("start_date")), "-end_date")
        )

    def upcoming(self, today=None):
        return self.filter(start_date__gt=today or timezone.localdate())

    def running(self, today=None):
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today, end_date__gte=today)

    def finished(self, today=None):
        return self.filter(end_date__lt=today or timezone.localdate())

    def registration_open(self, now=None):
        """Classes that have not started and whose registration window contains ``now`` (full ones keep a waitlist)."""
        now = now or timezone.now()
        return self.filter(
            Q(registration_opens__isnull=True) | Q(registration_opens__lte=now),
            Q(registration_closes__isnull=True) | Q(registration_closes__gte=now),
            start_date__gt=timezone.localdate(now),
        )

    def in_month(self, year, month):
        first = datetime.date(year, month, 1)
        last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return self.filter(start_date__lte=last, end_date__gte=first)


CoursePageManager = PageManager.from_queryset(CoursePageQuerySet)


class CoursePageForm(WagtailAdminPageForm):
    """Cross-field checks of a class and its agenda, shown next to the fields in the editor."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The class cannot end before it starts."))
        opens, closes = cleaned.get("registration_opens"), cleaned.get("registration_closes")
        if opens and closes and closes < opens:
            self.add_error("registration_closes", _("Registration cannot close before it opens."))
        sessions = self.formsets.get("sessions") if hasattr(self, "formsets") else None
        if sessions is not None:
            # The page form is cleaned before its formsets: clean the agenda rows now to check them here.
            sessions.is_valid()
        if sessions is not None and start and end:
            for form in sessions.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data.get("DELETE") or not data.get("date"):
                    continue
                if not start <= data["date"] <= end:
                    form.add_error(
                        "date",
                        _("The session must fall between the class dates (%(start)s – %(end)s).")
                        % {"start": start.strftime("%d-%m-%Y"), "end": end.strftime("%d-%m-%Y")},
                    )
                    self.add_error(None, _("Some agenda sessions fall outside the class dates."))
        if sessions is not None:
            self.check_trainer_availability(sessions)
        return cleaned

    def check_trainer_availability(self, sessions):
        """A session's trainer must be free then: the same check as resource-person assignments.

        A conflict is shown on the session; the editor chooses someone else or gives the reason for
        the override, which is kept with the session.
        """
        from trainers.schedule import check_availability

        own = f"course:{self.instance.pk}" if self.instance.pk else ""
        for form in sessions.forms:
            data = getattr(form, "cleaned_data", None) or {}
            trainer, day, begin, end = (data.get(k) for k in ("trainer", "date", "start_time", "end_time"))
            if data.get("DELETE") or not (trainer and day and begin and end) or end <= begin:
                continue
            window = (office_datetime(day, begin), office_datetime(day, end))
            conflicts = check_availability([trainer.pk], [window], exclude_ref=own)[trainer.pk]
            if not conflicts or (data.get("override_reason") or "").strip():
                continue
            form.add_error(
                "override_reason",
                _(
                    "%(name)s is already committed at this time: %(items)s. Choose another trainer, or give the "
                    "reason for assigning them anyway."
                )
                % {
                    "name": getattr(trainer, "full_name", "") or trainer.title,
                    "items": "; ".join(f"{c.busy.kind_label}: {c}" for c in conflicts),
                },
            )
            self.add_error(None, _("A session's trainer is already committed at that time (see the agenda)."))


class CoursePage(Page):
    """One class offering (SOP 000 and 002): what, when, where, for whom, who teaches it and its agenda."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")
        ALL = "all", _("All levels")

    class RegistrationState(models.TextChoices):
        OPEN = "open", _("Registration open")
        FULL = "full", _("Full (waitlist)")
        NOT_YET_OPEN = "not_yet_open", _("Registration not yet open")
        CLOSED = "closed", _("Registration closed")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences shown on cards."))
    body = StreamField(CourseBodyBlock(), verbose_name=_("description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        "categories.Category",
        verbose_name=_("category"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    cohort = models.CharField(_("cohort"), max_length=60, blank=True, help_text=_("For example “Angkatan II”."))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER)
    audience = models.TextField(_("intended audience"), blank=True)
    requirements = models.TextField(_("what to bring (requirements)"), blank=True, help_text=_("One item per line."))
    expected_outputs = models.TextField(_("expected outputs"), blank=True, help_text=_("One item per line."))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    location_name = models.CharField(_("venue"), max_length=200, blank=True)
    location_address = models.TextField(_("address"), blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    online_url = models.URLField(
        _("online meeting link"), blank=True, help_text=_("Shown to everyone; leave empty to send it by email.")
    )
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True, help_text=_("Empty means unlimited."))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    cost = models.PositiveIntegerField(_("cost (Rupiah)"), default=0, help_text=_("0 means free."))
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    objects = CoursePageManager()
    base_form_class = CoursePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("cohort"), FieldPanel("level")]),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("requirements"), FieldPanel("expected_outputs")],
            heading=_("Participants"),
        ),
    ]
    schedule_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("mode"),
                FieldPanel("location_name"),
                FieldPanel("location_address"),
                FieldRowPanel([FieldPanel("map_url"), FieldPanel("online_url")]),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("cost")]),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")])],
            heading=_("Contact person"),
        ),
        InlinePanel("course_trainers", label=_("Trainers"), heading=_("Trainers")),
        HelpPanel(
            _(
                "Sessions may overlap (for example the trainer's talk and the participants' note-taking run "
                "together in SOP 002). A session must end after it starts, on the same day."
            ),
            heading=_("Agenda"),
        ),
        InlinePanel("sessions", label=_("Session"), heading=_("Agenda sessions")),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(schedule_panels, heading=_("Schedule and registration")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("audience"),
        index.SearchField("cohort"),
        index.SearchField("location_name"),
        index.AutocompleteField("summary"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("mode"),
        index.FilterField("category"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.MaterialPage"]
    #: Publishing a class changes every listing of classes (catalogue, home, trainer pages).
    cache_listing_tags = ("courses",)

    def cache_tags(self):
        # Its own seats, sessions and trainers purge ``page:<id>``; trainers' names come from their pages.
        return ["trainers"]

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    # --- Agenda figures -------------------------------------------------------------
    @cached_property
    def agenda(self):
        """Sessions in time order with their trainer pages (also works on an unsaved preview)."""
        sessions = self.sessions.select_related("trainer")
        return sorted(sessions, key=lambda s: (s.date, s.start_time, s.end_time, s.sort_order or 0))

    @property
    def total_minutes(self):
        return sum(session.duration_minutes for session in self.agenda)

    @property
    def total_duration_display(self):
        return format_minutes(self.total_minutes)

    @property
    def number_of_days(self):
        return len({session.date for session in self.agenda})

    @property
    def agenda_days(self):
        """``[(date, [sessions])]`` for the agenda table, one group per day."""
        days = {}
        for session in self.agenda:
            days.setdefault(session.date, []).append(session)
        return list(days.items())

    # --- Seats and registration --------------------------------------------------------
    @property
    def accepted_count(self):
        try:
            return self.seat_count.accepted
        except SeatCount.DoesNotExist:
            return 0

    @property
    def waitlisted_count(self):
        try:
            return self.seat_count.waitlisted
        except SeatCount.DoesNotExist:
            return 0

    @property
    def seats_left(self):
        """Free seats, or ``None`` when the class has no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.accepted_count, 0)

    @property
    def date_range(self):
        """``"12–14 Desember 2026"``, ``"30 Januari – 2 Februari 2027"`` or a single day."""
        start, end = self.start_date, self.end_date
        if start == end:
            return date_format(start, "j F Y")
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{date_format(end, 'j F Y')}"
        if start.year == end.year:
            return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
        return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"

    @property
    def is_free(self):
        return not self.cost

    def registration_state(self, now=None):
        now = now or timezone.now()
        today = timezone.localdate(now)
        if self.end_date < today:
            return self.RegistrationState.FINISHED
        if self.start_date <= today:
            return self.RegistrationState.RUNNING
        if self.registration_opens and now < self.registration_opens:
            return self.RegistrationState.NOT_YET_OPEN
        if self.registration_closes and now > self.registration_closes:
            return self.RegistrationState.CLOSED
        if self.seats_left == 0:
            return self.RegistrationState.FULL
        return self.RegistrationState.OPEN

    @cached_property
    def state(self):
        return self.registration_state()

    @property
    def state_label(self):
        return self.RegistrationState(self.state).label

    @property
    def state_badge(self):
        return {
            "open": "badge--ok",
            "full": "badge--warn",
            "not_yet_open": "badge--info",
            "closed": "badge--error",
            "running": "badge--info",
            "finished": "",
        }[self.state]

    @property
    def accepts_registrations(self):
        """Open for new registrations (a full class still takes a waitlist)."""
        return self.state in (self.RegistrationState.OPEN, self.RegistrationState.FULL)

    @property
    def requirement_list(self):
        return text_lines(self.requirements)

    @property
    def output_list(self):
        return text_lines(self.expected_outputs)

    def get_context(self, request, *args, **kwargs):
        # Materials are children of a class; imported here because the materials module imports this one.
        from .materials import MaterialPage

        context = super().get_context(request, *args, **kwargs)
        # Category, image and seat counter in one query instead of three as the template touches them.
        if self.pk:
            joined = CoursePage.objects.select_related("category", "image", "seat_count").only(
                "pk", "category", "image", "seat_count"
            )
            joined = joined.filter(pk=self.pk).first()
            if joined is not None:
                same = {
                    "category": joined.category_id == self.category_id,  # a preview may have chosen another
                    "image": joined.image_id == self.image_id,
                    "seat_count": True,
                }
                for name, unchanged in same.items():
                    if unchanged and name in joined._state.fields_cache and name not in self._state.fields_cache:
                        self._state.fields_cache[name] = joined._state.fields_cache[name]
        context["trainers"] = list(
            self.course_trainers.select_related("trainer").filter(trainer__live=True).order_by("sort_order")
        )
        context["materials"] = list(
            MaterialPage.objects.live().public().child_of(self).prefetch_related("attachments__document")
        )
        # The registration box (and anything else other apps offer on a class) arrives through a hook.
        context["course_panels"] = course_page_panels(request, self)
        return context


class SeatCount(models.Model):
    """Seats taken in a class (SOP 000 step 2); the enrolment app updates it inside its own locked transaction."""

    course = models.OneToOneField(CoursePage, on_delete=models.CASCADE, related_name="seat_count")
    accepted = models.PositiveIntegerField(_("accepted"), default=0)
    waitlisted = models.PositiveIntegerField(_("waitlisted"), default=0)

    class Meta:
        verbose_name = _("seat count")
        verbose_name_plural = _("seat counts")

    def __str__(self):
        return f"{self.course}: {self.accepted}"

    @classmethod
    def for_course(cls, course, lock=False):
        """The counter of a class, created on first use; ``lock=True`` selects it FOR UPDATE."""
        seat_count, _created = cls.objects.get_or_create(course_id=course.pk)
        if lock:
            seat_count = cls.objects.select_for_update().get(pk=seat_count.pk)
        return seat_count
