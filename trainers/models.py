"""Trainers (*narasumber*): the public directory and the SOP "Pendaftaran Narasumber" records.

``TrainerIndexPage`` (/narasumber/) lists the published ``TrainerPage`` profiles. A profile
holds only what may be public: name with degrees, position, photo, bio, expertise, regency,
education, experience, certifications and topics. NIK, phone, address and email stay in the
private registration record (``TrainerApplication``) and never reach a page.
"""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.nik import nik_for
from portal.storage import private_storage
from portal.text import text_lines
from portal.uploads import MB, random_name
from procedures.models import Case
from trainers.hooks import profile_actions, profile_sections
from trainers.panels import TrainerSchedulePanel
from trainers.procedure import PROCEDURE, UPDATE_PROCEDURE

CARD_RENDITION = "fill-320x320"
# Sub-paths of /narasumber/ served by trainers.urls; a trainer page with such a slug would be hidden.
RESERVED_SLUGS = {"daftar", "jadwal", "perbarui"}
PROFILE_RENDITION = "fill-480x480"


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
        from trainers.forms import DirectoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilterForm(request.GET or None)
        trainers = self.trainers()
        if form.is_bound:
            form.is_valid()  # invalid fields drop out of cleaned_data; the valid ones still filter
            trainers = form.filter(trainers)
        context["filter_form"] = form
        context["active_filters"] = form.active_filters() if form.is_bound else []
        context["trainers"] = Paginator(trainers, self.page_size).get_page(request.GET.get("page"))
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
    #: Part of the private calendar-feed link; a new value (``schedule.rotate_calendar_key``) kills old links.
    calendar_key = models.CharField(max_length=64, blank=True, editable=False)
    #: The approved application's photo (private) until the page is first published; only then is it
    #: copied into the public image library (``services.publish_pending_photo``).
    pending_photo = models.FileField(
        storage=private_storage, upload_to=random_name, blank=True, max_length=255, editable=False
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
        "categories.Category", verbose_name=_("areas of expertise"), blank=True, related_name="trainers"
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

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            from django.core.exceptions import ValidationError

            raise ValidationError({"slug": _("This address is used by the portal; choose another slug.")})

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["expertise_list"] = list(self.expertise.all())
        # Other apps add sections (the catalogue: classes taught) and buttons (a request for this
        # trainer) without this app knowing them.
        context["sections"] = profile_sections(request, self) if self.pk else []
        context["actions"] = profile_actions(request, self) if self.pk else []
        return context


class StandardModule(index.Indexed, models.Model):
    """A standard training module trainers are verified against (SOP Pendaftaran Narasumber, step 3)."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    category = models.ForeignKey(
        "categories.Category",
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


# --- SOP "Pendaftaran Narasumber" records (private) ---------------------------------------

PHOTO_MAX_BYTES = 5 * MB
DOCUMENT_MAX_BYTES = 5 * MB
MAX_CERTIFICATES = 5


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class TrainerApplicationQuerySet(models.QuerySet):
    def open_for(self, user):
        """The user's application that is not decided yet (draft, in review or in correction)."""
        return self.filter(user=user).exclude(state__in=["approved", "rejected"])


class TrainerApplication(Case):
    """A trainer's self-registration (SOP 004 "Pendaftaran Narasumber", step 1) with its private data and
    files, and the results of the review steps 2–5.

    Text fields may be blank while the applicant works on the draft; the registration form
    requires them on submission.
    """

    procedure = PROCEDURE

    class Recommendation(models.TextChoices):
        APPROVE = "approve", _("Approve")
        REJECT = "reject", _("Reject")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="trainer_applications",
    )
    full_name = models.CharField(_("full name with degrees"), max_length=200, blank=True)
    applicant_email = models.EmailField(_("email"))
    nik = models.CharField(_("NIK (national identity number)"), max_length=16, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    phone = models.CharField(_("phone / WhatsApp"), max_length=30, blank=True)
    address = models.TextField(_("address"), blank=True)
    regency = models.CharField(_("regency / city"), max_length=120, blank=True)
    position = models.CharField(_("current position or occupation"), max_length=200, blank=True)
    short_bio = models.TextField(_("short biography"), max_length=1000, blank=True)
    expertise = models.ManyToManyField(
        "categories.Category", verbose_name=_("areas of expertise"), blank=True, related_name="trainer_applications"
    )
    education = models.TextField(_("education"), blank=True)
    work_experience = models.TextField(_("work experience"), blank=True)
    teaching_experience = models.TextField(_("teaching experience"), blank=True)
    certifications = models.TextField(_("certifications and competencies"), blank=True)
    topics = models.TextField(_("modules and topics offered"), blank=True)
    photo = models.FileField(_("photo"), storage=private_storage, upload_to=random_name, blank=True, max_length=255)
    photo_name = models.CharField(max_length=255, blank=True, editable=False)
    cv = models.FileField(_("CV"), storage=private_storage, upload_to=random_name, blank=True, max_length=255)
    cv_name = models.CharField(max_length=255, blank=True, editable=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True, editable=False)

    # Results of the review steps.
    checked_modules = models.ManyToManyField(
        StandardModule, verbose_name=_("matching standard modules"), blank=True, related_name="+"
    )
    verification_note = models.TextField(_("verification note"), blank=True)
    recommendation = models.CharField(
        _("team lead's recommendation"), max_length=10, choices=Recommendation.choices, blank=True
    )
    recommendation_note = models.TextField(_("recommendation note"), blank=True)
    trainer_page = models.ForeignKey(
        TrainerPage,
        verbose_name=_("trainer page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        editable=False,
    )

    private_file_fields = ("photo", "cv")
    objects = TrainerApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("trainer registration")
        verbose_name_plural = _("trainer registrations")
        ordering = ["-created_at"]

    @property
    def applicant_name(self):
        return self.full_name or self.user.get_full_name() or self.applicant_email

    @property
    def is_editable(self):
        """The applicant may change the application only before submission or when it is sent back."""
        return self.state in {"draft", "correction"}

    def admin_summary(self):
        return self.admin_summary_for(None)

    def admin_summary_for(self, user):
        """The NIK masked for the reviewers (their steps check expertise, not identity); in full for the person."""
        return [
            (_("Full name"), self.full_name),
            (_("Email"), self.applicant_email),
            (_("NIK"), nik_for(user, self.nik, person=self.user)),
            (_("Date of birth"), self.birth_date.strftime("%d-%m-%Y") if self.birth_date else ""),
            (_("Gender"), self.get_gender_display()),
            (_("Phone / WhatsApp"), self.phone),
            (_("Address"), self.address),
            (_("Regency / city"), self.regency),
            (_("Position"), self.position),
            (_("Areas of expertise"), ", ".join(c.name for c in self.expertise.all())),
            (_("Short biography"), self.short_bio),
            (_("Education"), self.education),
            (_("Work experience"), self.work_experience),
            (_("Teaching experience"), self.teaching_experience),
            (_("Certifications"), self.certifications),
            (_("Modules and topics offered"), self.topics),
            (_("Matching standard modules"), ", ".join(str(m) for m in self.checked_modules.all()) or "—"),
            (_("Verification note"), self.verification_note or "—"),
            (_("Recommendation"), self.get_recommendation_display() or "—"),
            (_("Recommendation note"), self.recommendation_note or "—"),
            (_("Trainer page"), self.trainer_page or "—"),
        ]

    def private_files(self):
        files = super().private_files()
        files += [(_("Certificate: %(name)s") % {"name": c.original_name}, c.key) for c in self.certificates.all()]
        return files

    def get_private_file(self, key):
        if key.startswith("certificate-"):
            pk = key.partition("-")[2]
            certificate = self.certificates.filter(pk=int(pk)).first() if pk.isdigit() else None
            return certificate.file if certificate and certificate.file else None
        return super().get_private_file(key)


class ApplicationCertificate(models.Model):
    """One certificate file attached to a registration (SOP "Pendaftaran Narasumber" step 1), private."""

    application = models.ForeignKey(TrainerApplication, on_delete=models.CASCADE, related_name="certificates")
    file = models.FileField(_("certificate"), storage=private_storage, upload_to=random_name, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def key(self):
        return f"certificate-{self.pk}"


class TrainerProfileUpdate(Case):
    """A published trainer's request to change the public profile, reviewed by the team lead (the
    short update procedure that follows SOP 004 "Pendaftaran Narasumber")."""

    procedure = UPDATE_PROCEDURE

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="trainer_profile_updates",
    )
    trainer_page = models.ForeignKey(
        TrainerPage, verbose_name=_("trainer page"), on_delete=models.CASCADE, related_name="update_requests"
    )
    position = models.CharField(_("position or title"), max_length=200, blank=True)
    short_bio = models.TextField(_("short biography"), max_length=1000, blank=True)
    regency = models.CharField(_("regency / city"), max_length=120, blank=True)
    expertise = models.ManyToManyField(
        "categories.Category", verbose_name=_("areas of expertise"), blank=True, related_name="+"
    )
    education = models.TextField(_("education"), blank=True)
    experience = models.TextField(_("work experience"), blank=True)
    teaching_experience = models.TextField(_("teaching experience"), blank=True)
    certifications = models.TextField(_("certifications and competencies"), blank=True)
    topics = models.TextField(_("modules and topics offered"), blank=True)
    photo = models.FileField(
        _("new photo"), storage=private_storage, upload_to=random_name, blank=True, max_length=255
    )
    reason = models.TextField(_("what changed and why"), blank=True)

    private_file_fields = ("photo",)

    class Meta:
        verbose_name = _("trainer profile update")
        verbose_name_plural = _("trainer profile updates")
        ordering = ["-created_at"]

    @property
    def applicant_name(self):
        return self.trainer_page.full_name or self.user.get_full_name() or self.user.email

    @property
    def applicant_email(self):
        return self.user.email

    def admin_summary(self):
        page = self.trainer_page
        return [
            (_("Trainer page"), page.title),
            (_("What changed and why"), self.reason),
            (_("Position"), self.position),
            (_("Short biography"), self.short_bio),
            (_("Regency / city"), self.regency),
            (_("Areas of expertise"), ", ".join(c.name for c in self.expertise.all())),
            (_("Education"), self.education),
            (_("Work experience"), self.experience),
            (_("Teaching experience"), self.teaching_experience),
            (_("Certifications"), self.certifications),
            (_("Modules and topics offered"), self.topics),
        ]
