"""Trainers (*narasumber*): the public directory and the SOP "Pendaftaran Narasumber" records.

``TrainerIndexPage`` (/narasumber/) lists the published ``TrainerPage`` profiles. A profile
holds only what may be public: name with degrees, position, photo, bio, expertise, regency,
education, experience, certifications and topics. NIK, phone, address and email stay in the
private registration record (``TrainerApplication``) and never reach a page.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from trainers.panels import TrainerSchedulePanel

CARD_RENDITION = "fill-320x320"
PROFILE_RENDITION = "fill-480x480"


def text_lines(text):
    """Non-empty lines of a "one item per line" field."""
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class TrainerIndexPage(Page):
    """The public trainer directory at /narasumber/, filtered by expertise, regency and free text."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["trainers.TrainerPage"]
    max_count = 1
    page_size = 12

    class Meta:
        verbose_name = _("trainer directory")

    def trainers(self):
        return TrainerPage.objects.live().public().descendant_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        from courses.models import paginate, querystring_without_page
        from trainers.forms import DirectoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilterForm(request.GET or None)
        trainers = self.trainers()
        if form.is_bound:
            form.is_valid()  # invalid fields drop out of cleaned_data; the valid ones still filter
            trainers = form.filter(trainers)
        context["filter_form"] = form
        context["active_filters"] = form.active_filters() if form.is_bound else []
        context["trainers"] = paginate(request, trainers, self.page_size)
        context["query_string"] = querystring_without_page(request)
        return context


class TrainerPageQuerySet(PageQuerySet):
    def for_listing(self):
        """What a directory card shows in a fixed number of queries (photo renditions included)."""
        Image = get_image_model()
        return (
            self.select_related(None)
            .prefetch_related(
                Prefetch("photo", queryset=Image.objects.prefetch_renditions(CARD_RENDITION)),
                "expertise",
            )
            .order_by("title")
        )

    def search_text(self, text):
        """Plain database matching so the filter behaves the same on every search backend."""
        query = Q()
        for word in text.split():
            query &= (
                Q(title__icontains=word)
                | Q(full_name__icontains=word)
                | Q(position__icontains=word)
                | Q(short_bio__icontains=word)
                | Q(topics__icontains=word)
                | Q(expertise__name__icontains=word)
            )
        return self.filter(query).distinct() if query else self

    def for_user(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


TrainerPageManager = PageManager.from_queryset(TrainerPageQuerySet)


class TrainerPage(Page):
    """One trainer's public profile; ``user`` links the trainer's own account (schedule, updates)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainer_pages",
        help_text=_("The account the trainer signs in with; it sees its schedule and can request profile updates."),
    )
    full_name = models.CharField(
        _("full name with degrees"), max_length=200, help_text=_("For example “Dr. Ir. Made Wirawan, M.Sn.”.")
    )
    position = models.CharField(
        _("position or title"),
        max_length=200,
        blank=True,
        help_text=_("Job title or position, for example “Dosen Karawitan, ISI Denpasar”."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_bio = models.TextField(_("short biography"), max_length=1000, blank=True)
    expertise = ParentalManyToManyField(
        "courses.Category", verbose_name=_("areas of expertise"), blank=True, related_name="trainers"
    )
    regency = models.CharField(
        _("regency / city"), max_length=120, blank=True, help_text=_("For example “Kabupaten Banyuwangi”.")
    )
    education = models.TextField(_("education"), blank=True, help_text=_("One degree or course per line."))
    experience = models.TextField(_("work experience"), blank=True, help_text=_("One item per line."))
    teaching_experience = models.TextField(_("teaching experience"), blank=True, help_text=_("One item per line."))
    certifications = models.TextField(
        _("certifications and competencies"), blank=True, help_text=_("One certificate or competency per line.")
    )
    topics = models.TextField(
        _("modules and topics offered"), blank=True, help_text=_("One module or topic per line.")
    )

    objects = TrainerPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("full_name"),
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldPanel("short_bio"),
        FieldPanel("expertise", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regency"),
        MultiFieldPanel(
            [
                FieldPanel("education"),
                FieldPanel("experience"),
                FieldPanel("teaching_experience"),
                FieldPanel("certifications"),
                FieldPanel("topics"),
            ],
            heading=_("Background"),
        ),
    ]
    account_panels = [FieldPanel("user"), TrainerSchedulePanel(heading=_("Schedule, next 90 days"))]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Profile")),
            ObjectList(account_panels, heading=_("Account and schedule")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("full_name"),
        index.SearchField("position"),
        index.SearchField("short_bio"),
        index.SearchField("topics"),
        index.SearchField("regency"),
        index.AutocompleteField("full_name"),
        index.RelatedFields("expertise", [index.SearchField("name")]),
        index.FilterField("regency"),
    ]
    parent_page_types = ["trainers.TrainerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")

    @property
    def education_lines(self):
        return text_lines(self.education)

    @property
    def experience_lines(self):
        return text_lines(self.experience)

    @property
    def teaching_lines(self):
        return text_lines(self.teaching_experience)

    @property
    def certification_lines(self):
        return text_lines(self.certifications)

    @property
    def topic_lines(self):
        return text_lines(self.topics)

    def classes_taught(self):
        """Published classes this trainer teaches: listed as a class trainer or leading an agenda session."""
        from courses.models import CoursePage

        return (
            CoursePage.objects.live()
            .public()
            .filter(Q(course_trainers__trainer_id=self.pk) | Q(sessions__trainer_id=self.pk))
            .distinct()
            .for_listing()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["classes"] = list(self.classes_taught()) if self.pk else []
        context["expertise_list"] = list(self.expertise.all())
        return context


class StandardModule(index.Indexed, models.Model):
    """A standard training module trainers are verified against (SOP Pendaftaran Narasumber, step 3)."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    category = models.ForeignKey(
        "courses.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="standard_modules",
    )
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("in use"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("code"), index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("standard module")
        verbose_name_plural = _("standard modules")
        ordering = ["category__name", "code"]

    def __str__(self):
        return f"{self.code} – {self.name}"
