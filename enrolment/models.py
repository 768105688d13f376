"""Participants, their enrolments in classes and what happens on the training days.

SOP "Inovasi Kelas Kreatif" (file 000): step 1 registration creates an ``Enrolment`` (a case
of the ``enrolment`` procedure) for a ``Participant``; step 2 verification accepts it or puts
it on the waiting list; step 3 the class runs (``Attendance`` per agenda session, pre-/post-
``TestResult``); step 4 the instructor's evaluation and the class's ``CompletionRule`` decide
*lulus* or *tidak lulus*, which the certificates app consumes through ``enrolment_completed``.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from portal.nik import mask_nik, nik_for, validate_nik
from portal.storage import private_storage
from portal.uploads import IMAGE_TYPES, MB, FileValidator, random_name
from procedures.models import Case

from .procedure import PARTICIPATING_STATES, PROCEDURE, SEATED_STATES, WITHDRAWABLE_STATES

SCORE_VALIDATORS = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class Participant(models.Model):
    """The reusable participant profile: filled in at the first enrolment, reused (and editable) later.

    Walk-ins registered by the admin officer have no account until they claim the profile
    through an emailed signed link (``enrolment.claims``).
    """

    class Gender(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")

    class Education(models.TextChoices):
        NONE = "none", _("No formal schooling")
        SD = "sd", _("Primary school (SD)")
        SMP = "smp", _("Junior high school (SMP)")
        SMA = "sma", _("Senior high school (SMA/SMK)")
        DIPLOMA = "diploma", _("Diploma (D1–D4)")
        S1 = "s1", _("Bachelor (S1)")
        S2 = "s2", _("Master or doctorate (S2/S3)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participant",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    nik = models.CharField(
        _("NIK"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_nik],
        help_text=_("The 16-digit national identity number on your KTP."),
    )
    #: A NIK this person gave that another profile already holds: staff decide whose it is (issue 14).
    #: Until then ``nik`` keeps the person's previous NIK (or is empty); nobody is locked out.
    nik_review = models.CharField(
        _("NIK awaiting staff review"),
        max_length=16,
        blank=True,
        db_index=True,
        help_text=_(
            "Another profile holds this NIK. Check the KTP, then set the right NIK on the right profile "
            "and empty this field."
        ),
    )
    birth_date = models.DateField(_("date of birth"))
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    phone = models.CharField(_("phone / WhatsApp"), max_length=30)
    address = models.TextField(_("address"))
    regency = models.CharField(_("regency / city"), max_length=100)
    district = models.CharField(
        _("sub-district (kecamatan)"),
        max_length=100,
        blank=True,
        help_text=_("Used only for the anonymous public statistics per sub-district."),
    )
    education = models.CharField(_("highest education"), max_length=20, choices=Education.choices)
    occupation = models.CharField(_("occupation"), max_length=120)
    disability = models.CharField(
        _("disability or accommodation needed"),
        max_length=255,
        blank=True,
        help_text=_("Optional: tell us what would help you take part (access, sign language, large print)."),
    )
    current_skills = models.TextField(_("skills you already have"))
    training_needs = models.TextField(_("what you want to learn"))
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered in person by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("full_name"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldRowPanel([FieldPanel("nik"), FieldPanel("birth_date"), FieldPanel("gender")]),
        FieldPanel("nik_review"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("regency"), FieldPanel("district")]),
        FieldRowPanel([FieldPanel("education"), FieldPanel("occupation")]),
        FieldPanel("disability"),
        FieldPanel("current_skills"),
        FieldPanel("training_needs"),
    ]

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name

    @property
    def masked_nik(self):
        return mask_nik(self.nik)

    @property
    def age(self):
        today = timezone.localdate()
        born = self.birth_date
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class EnrolmentQuerySet(models.QuerySet):
    def seated(self):
        return self.filter(state__in=SEATED_STATES)

    def participating(self):
        return self.filter(state__in=PARTICIPATING_STATES)

    def waitlisted(self):
        return self.filter(state="waitlisted").order_by("waitlisted_at", "pk")

    def active(self):
        """Every enrolment that still blocks a new one for the same person and class."""
        return self.exclude(state="withdrawn")

    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(participant__user=user)


class Enrolment(Case):
    """One person's enrolment in one class (SOP 000 step 1), followed through verification (2),
    the class days (3) and the instructor's evaluation (4) to the result certificates use (5)."""

    procedure = PROCEDURE

    class Result(models.TextChoices):
        NONE = "", "—"
        PASSED = "passed", _("Passed (lulus)")
        FAILED = "failed", _("Not passed (tidak lulus)")

    class Decision(models.TextChoices):
        NONE = "", _("From the score")
        PASS = "pass", _("Pass")
        FAIL = "fail", _("Fail")

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="enrolments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("class"), on_delete=models.PROTECT, related_name="enrolments"
    )
    walk_in = models.BooleanField(_("registered in person"), default=False)
    motivation = models.TextField(_("why this class"), blank=True)
    seat_number = models.PositiveIntegerField(_("seat"), null=True, blank=True, editable=False)
    waitlisted_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True, editable=False)
    evaluation_decision = models.CharField(
        _("instructor's decision"), max_length=10, choices=Decision.choices, blank=True
    )
    final_score = models.DecimalField(
        _("final score"), max_digits=5, decimal_places=2, null=True, blank=True, validators=SCORE_VALIDATORS
    )
    grade = models.CharField(_("grade"), max_length=10, blank=True)
    feedback = models.TextField(_("instructor's feedback"), blank=True)
    work_photo = models.FileField(
        _("photo of the work"),
        storage=private_storage,
        upload_to=random_name,
        blank=True,
        max_length=255,
        validators=[FileValidator(IMAGE_TYPES, 8 * MB)],
    )
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()
    private_file_fields = ("work_photo",)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at"]
        constraints = [
            # One enrolment per person per class, also under a double submit; withdrawing frees it.
            models.UniqueConstraint(
                fields=["participant", "course"], condition=~Q(state="withdrawn"), name="enrolment_once_per_class"
            ),
            # A seat number is handed out under the class's row lock and can never be held twice.
            models.UniqueConstraint(
                fields=["course", "seat_number"], condition=Q(seat_number__isnull=False), name="enrolment_one_seat"
            ),
            models.CheckConstraint(
                condition=Q(seat_number__isnull=True) | Q(seat_number__gte=1), name="enrolment_seat_positive"
            ),
            models.CheckConstraint(
                condition=Q(result="") | Q(state="completed"), name="enrolment_result_when_completed"
            ),
        ]
        indexes = [models.Index(fields=["course", "state"])]

    # --- Case interface -------------------------------------------------------------
    @property
    def applicant_name(self):
        return self.participant.full_name

    @property
    def applicant_email(self):
        return self.participant.email

    @property
    def applicant_user(self):
        return self.participant.user

    @classmethod
    def visible_to(cls, queryset, user):
        from enrolment.access import classes_filter

        return classes_filter(queryset, user, field="course_id")

    def staff_may_act(self, user, transition):
        from enrolment.access import may_work_class

        if transition.name == "complete":
            # SOP 000 step 4: the evaluation is the instructor's, of their own class.
            from courses.teaching import teaches

            return user.is_superuser or teaches(user, self.course_id)
        return may_work_class(user, self.course_id)

    def admin_summary(self):
        return self.admin_summary_for(None)

    def admin_summary_for(self, user):
        from enrolment.access import FULL_NIK_ROLES
        from portal.nik import full_nik_allowed, mask_email, mask_phone

        p = self.participant
        # Identity and contact data in full for the admin officer (verification) and the person only.
        full = full_nik_allowed(user, *FULL_NIK_ROLES, person=p.user)
        summary = [
            (_("Class"), self.course.title),
            (_("Email"), (p.email if full else mask_email(p.email)) or "—"),
            (_("Phone / WhatsApp"), p.phone if full else mask_phone(p.phone)),
            (_("NIK"), nik_for(user, p.nik, *FULL_NIK_ROLES, person=p.user) if p.nik else "—"),
            *(
                [(_("NIK awaiting staff review"), nik_for(user, p.nik_review, *FULL_NIK_ROLES, person=p.user))]
                if p.nik_review
                else []
            ),
            (_("Date of birth"), p.birth_date.strftime("%d-%m-%Y") if full else str(p.birth_date.year)),
            (_("Gender"), p.get_gender_display()),
            (_("Address"), f"{p.address}, {p.regency}" if full else p.regency),
            (_("Education"), p.get_education_display()),
            (_("Occupation"), p.occupation),
            (_("Skills"), p.current_skills),
            (_("Training needs"), p.training_needs),
            (_("Accommodation"), p.disability or "—"),
            (_("Why this class"), self.motivation or "—"),
            (_("Registered in person"), _("yes") if self.walk_in else _("no")),
        ]
        if self.state == "waitlisted":
            summary.append((_("Waiting list position"), self.waitlist_position))
        if self.state in ("attending", "evaluation", "completed"):
            summary.append((_("Attendance"), f"{self.attendance_rate_display}"))
            pre, post = self.test_scores
            summary.append(
                (_("Pre-test / post-test"), f"{pre if pre is not None else '—'} / {post if post is not None else '—'}")
            )
        if self.result:
            summary.append((_("Result"), self.get_result_display()))
        return summary

    # --- Derived values ---------------------------------------------------------------
    @property
    def is_passed(self):
        return self.result == self.Result.PASSED

    @property
    def waitlist_position(self):
        if self.state != "waitlisted":
            return None
        ahead = Enrolment.objects.filter(course_id=self.course_id, state="waitlisted").filter(
            Q(waitlisted_at__lt=self.waitlisted_at) | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
        )
        return ahead.count() + 1

    @cached_property
    def attendance_summary(self):
        from enrolment.attendance import attendance_summary

        return attendance_summary(self)

    @property
    def attendance_rate(self):
        return self.attendance_summary["rate"]

    @property
    def attendance_rate_display(self):
        rate = self.attendance_rate
        return "—" if rate is None else f"{rate:.0f}%"

    @cached_property
    def test_scores(self):
        scores = {r.kind: r.score for r in self.test_results.all()}
        return scores.get(TestResult.Kind.PRE), scores.get(TestResult.Kind.POST)

    @property
    def gain(self):
        pre, post = self.test_scores
        return None if pre is None or post is None else post - pre

    def may_withdraw(self, now=None):
        return self.state in WITHDRAWABLE_STATES and not self.course_started(now)

    def course_started(self, now=None):
        now = now or timezone.now()
        first = self.course.agenda[0].starts_at if self.course.agenda else None
        if first is not None:
            return now >= first
        return timezone.localdate(now) >= self.course.start_date


class CompletionRule(models.Model):
    """How a class decides *lulus*: attendance, the instructor's evaluation and optionally the post-test.

    Classes without a rule use the defaults (attendance ≥ 80 % and evaluation passed).
    """

    course = models.OneToOneField(
        "courses.CoursePage", verbose_name=_("class"), on_delete=models.CASCADE, related_name="completion_rule"
    )
    min_attendance = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"), default=80, validators=[MaxValueValidator(100)]
    )
    require_evaluation_pass = models.BooleanField(_("evaluation must be passed"), default=True)
    pass_score = models.DecimalField(
        _("passing final score"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(70),
        validators=SCORE_VALIDATORS,
        help_text=_("Used when the instructor gives a score without a pass/fail decision."),
    )
    min_post_test = models.DecimalField(
        _("minimum post-test score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=SCORE_VALIDATORS,
        help_text=_("Optional; leave empty when the post-test does not count."),
    )

    panels = [
        FieldPanel("course"),
        FieldRowPanel([FieldPanel("min_attendance"), FieldPanel("min_post_test")]),
        FieldRowPanel([FieldPanel("require_evaluation_pass"), FieldPanel("pass_score")]),
    ]

    class Meta:
        verbose_name = _("completion rule")
        verbose_name_plural = _("completion rules")

    def __str__(self):
        return str(self.course)

    @classmethod
    def for_course(cls, course):
        rule = cls.objects.filter(course_id=course.pk).first()
        return rule or cls(course_id=course.pk)


class Attendance(models.Model):
    """The *daftar hadir* of one agenda session for one participant."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    class Method(models.TextChoices):
        ROLL_CALL = "roll_call", _("Roll call")
        QR = "qr", _("QR check-in")
        TEST = "test", _("Online test in the session")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendances")
    session = models.ForeignKey("courses.CourseSession", on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    method = models.CharField(_("recorded by"), max_length=10, choices=Method.choices, default=Method.ROLL_CALL)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["enrolment", "session"], name="attendance_once_per_session")]

    def __str__(self):
        return f"{self.enrolment_id} {self.session_id} {self.status}"

    @property
    def counts_as_present(self):
        return self.status in (self.Status.PRESENT, self.Status.LATE)


class Question(ClusterableModel):
    """A multiple-choice question of a class's bank, asked in both the pre-test and the post-test."""

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("class"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.TextField(_("question"))
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("course"),
        FieldPanel("text"),
        FieldPanel("sort_order"),
        InlinePanel("choices", min_num=2, label=_("Choice")),
    ]

    class Meta:
        verbose_name = _("test question")
        verbose_name_plural = _("test questions")
        ordering = ["course", "sort_order", "pk"]

    def __str__(self):
        return self.text[:80]


class QuestionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        choices = self.formsets.get("choices")
        if choices is not None and all(form.is_valid() for form in choices.forms):
            kept = [f.cleaned_data for f in choices.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
            if len(kept) < 2:
                raise ValidationError(_("Give at least two choices."))
            if sum(1 for c in kept if c.get("is_correct")) != 1:
                raise ValidationError(_("Mark exactly one choice as the correct answer."))
        return cleaned


Question.base_form_class = QuestionForm


class Choice(Orderable):
    """One answer of a test question (the pre- and post-test of SOP 002); exactly one is correct."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=255)
    is_correct = models.BooleanField(_("correct answer"), default=False)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")])]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class TestResult(models.Model):
    """A participant's pre-test or post-test score, taken on the phone or entered from paper."""

    __test__ = False  # not a pytest test class

    class Kind(models.TextChoices):
        PRE = "pre", _("Pre-test")
        POST = "post", _("Post-test")

    class Source(models.TextChoices):
        ONLINE = "online", _("Online")
        MANUAL = "manual", _("Entered by staff")
        IMPORT = "import", _("Imported from a spreadsheet")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="test_results")
    kind = models.CharField(_("test"), max_length=10, choices=Kind.choices)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, validators=SCORE_VALIDATORS)
    correct = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField(null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.ONLINE)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("test result")
        verbose_name_plural = _("test results")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "kind"], name="test_result_once"),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=100), name="test_score_range"),
        ]

    def __str__(self):
        return f"{self.enrolment_id} {self.kind} {self.score}"


def session_kind_for(kind):
    """The agenda slot kind in which a test of ``kind`` ("pre"/"post") is taken."""
    return {"pre": "pre_test", "post": "post_test"}[kind]
