from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from enrolment.models import Attendance, Enrolment, Participant
from portal.uploads import IMAGE_TYPES, MB, FileValidator, reencode_image
from procedures.forms import TransitionForm

PROFILE_FIELDS = [
    "full_name",
    "email",
    "nik",
    "birth_date",
    "gender",
    "phone",
    "address",
    "regency",
    "district",
    "education",
    "occupation",
    "disability",
    "current_skills",
    "training_needs",
]


class ParticipantForm(forms.ModelForm):
    """The participant profile (SOP step 1: "data lengkap"); filled once and reused for later classes."""

    consent = forms.BooleanField(
        label=_(
            "I agree that the office stores and processes these data to run the class, "
            "issue my certificate and report to the government."
        ),
        required=True,
    )

    class Meta:
        model = Participant
        fields = PROFILE_FIELDS
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "address": forms.Textarea(attrs={"rows": 3}),
            "current_skills": forms.Textarea(attrs={"rows": 3}),
            "training_needs": forms.Textarea(attrs={"rows": 3}),
            "nik": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 16}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, email_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = email_required
        self.fields["nik"].required = True
        #: The NIK given is held by another profile: saved for staff review (``services.save_profile``).
        self.nik_clash = False
        if self.instance.pk and self.instance.consent_at:
            self.fields["consent"].initial = True

    def clean_nik(self):
        """The same answer whether a NIK is registered or not (no probing): a clash goes to staff review."""
        nik = self.cleaned_data["nik"].strip()
        self.nik_clash = Participant.objects.filter(nik=nik).exclude(pk=self.instance.pk).exists()
        return nik

    def clean(self):
        cleaned = super().clean()
        nik, birth = cleaned.get("nik"), cleaned.get("birth_date")
        if nik and birth and "nik" not in self.errors:
            from portal.nik import parse_nik

            try:
                nik_birth, female = parse_nik(nik)
            except ValidationError:
                # An implausible NIK is reported once, on the NIK field, by its model validator.
                return cleaned
            if nik_birth != birth:
                self.add_error("birth_date", _("The date of birth does not match the NIK."))
        return cleaned

    def validate_unique(self):
        # A NIK held by another profile is no error to show (that would tell a registered NIK from an
        # unused one): the profile is saved with the NIK awaiting staff review instead.
        exclude = self._get_validation_exclusions()
        exclude.add("nik")
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as e:
            self._update_errors(e)


class EnrolForm(ParticipantForm):
    motivation = forms.CharField(
        label=_("Why do you want to join this class? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class WalkInForm(ParticipantForm):
    """Registration *secara langsung* at the training centre by the admin officer.

    A NIK that is already registered never overwrites that person's profile: the officer picks
    whether this is the registered person (enrolled as they are, profile unchanged) or a clash
    for review (the typed data saved as a separate profile, its NIK awaiting review).
    """

    USE_EXISTING = "existing"
    REVIEW = "review"

    course = forms.ModelChoiceField(label=_("Class"), queryset=CoursePage.objects.none())
    existing_choice = forms.ChoiceField(
        label=_("This NIK is already registered"),
        choices=[
            (USE_EXISTING, _("It is the registered person: enrol them with their profile as it is")),
            (REVIEW, _("It is not, or I am not sure: save these data for review of the NIK")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    accept_now = forms.BooleanField(
        label=_("Data verified now: accept (or waiting list when the class is full)"), required=False
    )

    field_order = ["course"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, email_required=False, **kwargs)
        self.fields["consent"].label = _("The participant agreed to the processing of these data.")
        self.fields["course"].queryset = CoursePage.objects.live().registration_open().order_by("start_date")
        self.fields["email"].help_text = _("With an email the participant can later claim this profile online.")
        self.order_fields(["course"] + PROFILE_FIELDS + ["existing_choice", "consent", "accept_now"])
        self.existing = None

    def clean(self):
        cleaned = super().clean()
        nik = cleaned.get("nik")
        self.existing = Participant.objects.filter(nik=nik).first() if nik and self.nik_clash else None
        if self.existing is not None and not cleaned.get("existing_choice"):
            self.add_error(
                "existing_choice",
                _("A profile with this NIK exists: %(name)s, born %(born)s. Choose whether this is the same person.")
                % {"name": self.existing.full_name, "born": self.existing.birth_date.strftime("%d-%m-%Y")},
            )
        return cleaned

    @property
    def use_existing(self):
        return self.existing is not None and self.cleaned_data.get("existing_choice") == self.USE_EXISTING


class EvaluationForm(TransitionForm):
    """SOP step 4: a score and/or the instructor's decision, feedback and a photo of the work."""

    final_score = forms.DecimalField(
        label=_("Final score (0–100)"), min_value=0, max_value=100, decimal_places=2, required=False
    )
    evaluation_decision = forms.ChoiceField(label=_("Decision"), choices=Enrolment.Decision.choices, required=False)
    grade = forms.CharField(label=_("Grade (optional)"), max_length=10, required=False)
    feedback = forms.CharField(
        label=_("Feedback for the participant"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    work_photo = forms.FileField(
        label=_("Photo of the work (presentasi karya)"),
        required=False,
        validators=[FileValidator(IMAGE_TYPES, 8 * MB)],
        help_text=_("JPEG, PNG or WebP, at most 8 MB."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("final_score") is None and not cleaned.get("evaluation_decision"):
            raise ValidationError(_("Give a final score, a pass/fail decision, or both."))
        return cleaned

    def clean_work_photo(self):
        photo = self.cleaned_data.get("work_photo")
        return reencode_image(photo) if photo else None


class RollCallForm(forms.Form):
    """One radio group per participant; four large options (present, late, excused, absent)."""

    def __init__(self, *args, enrolments=(), records=None, **kwargs):
        super().__init__(*args, **kwargs)
        records = records or {}
        self.enrolments = list(enrolments)
        for enrolment in self.enrolments:
            record = records.get(enrolment.pk)
            self.fields[f"e{enrolment.pk}"] = forms.ChoiceField(
                label=enrolment.participant.full_name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=record.status if record else None,
            )

    def rows(self):
        return [(enrolment, self[f"e{enrolment.pk}"]) for enrolment in self.enrolments]

    def statuses(self):
        return {
            enrolment.pk: self.cleaned_data[f"e{enrolment.pk}"]
            for enrolment in self.enrolments
            if self.cleaned_data.get(f"e{enrolment.pk}")
        }


class TakeTestForm(forms.Form):
    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=f"{number}. {question.text}",
                choices=[(c.pk, c.text) for c in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self):
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}


class ScoreEntryForm(forms.Form):
    def __init__(self, *args, enrolments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.enrolments = list(enrolments)
        for enrolment in self.enrolments:
            pre, post = enrolment.test_scores
            for kind, value in (("pre", pre), ("post", post)):
                self.fields[f"{kind}_{enrolment.pk}"] = forms.DecimalField(
                    label=f"{enrolment.participant.full_name} ({kind})",
                    min_value=0,
                    max_value=100,
                    decimal_places=2,
                    required=False,
                    initial=value,
                    widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
                )

    def rows(self):
        return [(e, self[f"pre_{e.pk}"], self[f"post_{e.pk}"]) for e in self.enrolments]


class ScoreImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx)"),
        help_text=_("Columns: Nomor pendaftaran, Nama, Pre-test, Post-test (the first row holds these headers)."),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > 2 * MB:
            raise ValidationError(_("The file is larger than 2 MB."))
        head = uploaded.read(4)
        uploaded.seek(0)
        if head != b"PK\x03\x04":
            raise ValidationError(_("The file is not an Excel workbook (.xlsx)."))
        return uploaded
