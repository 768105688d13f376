from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from categories.models import Category
from portal.nik import parse_nik
from portal.pagecache import remember
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, validate_upload
from procedures.forms import TransitionForm
from trainers.models import (
    DOCUMENT_MAX_BYTES,
    MAX_CERTIFICATES,
    PHOTO_MAX_BYTES,
    Gender,
    StandardModule,
    TrainerApplication,
    TrainerProfileUpdate,
)

# --- Public directory -----------------------------------------------------------------------


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    keahlian = forms.ModelChoiceField(
        label=_("Expertise"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )
    wilayah = forms.ChoiceField(label=_("Regency / city"), required=False)

    def __init__(self, *args, **kwargs):
        from trainers.models import TrainerPage

        super().__init__(*args, **kwargs)
        # Both lists change rarely: kept in the cache until a trainer or a category changes.
        regencies = remember(
            "trainer-regencies",
            ["trainers"],
            lambda: list(
                dict.fromkeys(
                    TrainerPage.objects.live()
                    .exclude(regency="")
                    .order_by("regency")
                    .values_list("regency", flat=True)
                )
            ),
        )
        self.fields["wilayah"].choices = [("", _("All regencies and cities"))] + [(r, r) for r in regencies]
        categories = remember(
            "category-choices",
            ["categories"],
            lambda: list(Category.objects.order_by("name").values_list("slug", "name")),
        )
        self.fields["keahlian"].choices = [("", self.fields["keahlian"].empty_label)] + categories

    def filter(self, trainers):
        data = getattr(self, "cleaned_data", {})
        if data.get("keahlian"):
            trainers = trainers.filter(expertise=data["keahlian"])
        if data.get("wilayah"):
            trainers = trainers.filter(regency=data["wilayah"])
        if data.get("q"):
            trainers = trainers.search_text(data["q"])
        return trainers

    def active_filters(self):
        data = getattr(self, "cleaned_data", {})
        labels = []
        if data.get("q"):
            labels.append(f"“{data['q']}”")
        if data.get("keahlian"):
            labels.append(data["keahlian"].name)
        if data.get("wilayah"):
            labels.append(data["wilayah"])
        return labels


# --- Uploads --------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def check_file(uploaded, allowed, max_bytes):
    validate_upload(uploaded, allowed, max_bytes)
    return uploaded


# --- Self-registration ----------------------------------------------------------------------

TEXTAREA = forms.Textarea(attrs={"rows": 4})

PERSONAL = ("full_name", "nik", "birth_date", "gender", "phone", "applicant_email", "address", "regency")
PROFESSIONAL = (
    "position",
    "short_bio",
    "expertise",
    "education",
    "work_experience",
    "teaching_experience",
    "certifications",
    "topics",
)
REQUIRED_ON_SUBMIT = PERSONAL + ("position", "short_bio", "expertise", "education", "work_experience", "topics")


class RegistrationForm(forms.ModelForm):
    """The trainer registration in four parts (see ``sections``). ``final=True`` (submit) requires everything;
    saving a draft only checks what was filled in."""

    photo_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A recent portrait, JPEG, PNG or WebP, at most 5 MB. It will appear on your public profile."),
    )
    cv_upload = forms.FileField(label=_("CV"), required=False, help_text=_("PDF or image, at most 5 MB."))
    certificate_uploads = MultipleFileField(
        label=_("Certificates"),
        required=False,
        help_text=_("PDF or images, at most 5 MB each, up to 5 files."),
    )
    remove_certificates = forms.MultipleChoiceField(
        label=_("Remove certificates"), required=False, widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the office processes my personal data to review this registration, and that my name, "
            "photo, biography, expertise and experience are published in the trainer directory if I am approved. "
            "My NIK, phone number and address are never published."
        ),
        required=False,
    )

    class Meta:
        model = TrainerApplication
        fields = PERSONAL + PROFESSIONAL
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "gender": forms.RadioSelect,
            "expertise": forms.CheckboxSelectMultiple,
            "address": forms.Textarea(attrs={"rows": 3}),
            "short_bio": TEXTAREA,
            "education": TEXTAREA,
            "work_experience": TEXTAREA,
            "teaching_experience": TEXTAREA,
            "certifications": TEXTAREA,
            "topics": TEXTAREA,
            "nik": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 16}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "full_name": _("With academic degrees, as it should appear on your profile."),
            "nik": _("16 digits, as on your identity card (KTP). Never published."),
            "education": _("One degree or course per line."),
            "work_experience": _("One position per line, with the years."),
            "teaching_experience": _("Trainings you have given, one per line."),
            "certifications": _("One certificate or competency per line."),
            "topics": _("The modules or topics you can teach, one per line."),
        }

    def __init__(self, *args, final=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.final = final
        self.fields["gender"].choices = Gender.choices
        self.fields["expertise"].queryset = Category.objects.order_by("name")
        self.fields["applicant_email"].required = True
        self.fields["remove_certificates"].choices = [
            (str(c.pk), c.original_name) for c in (self.instance.certificates.all() if self.instance.pk else [])
        ]
        if not self.fields["remove_certificates"].choices:
            del self.fields["remove_certificates"]
        for name in REQUIRED_ON_SUBMIT:
            self.fields[name].required = final
        self.fields["consent"].required = final
        # A draft may be saved half-filled, but the form marks from the start what submitting needs.
        for name in (*REQUIRED_ON_SUBMIT, "consent", "photo_upload", "cv_upload"):
            self.fields[name].required_to_submit = True
        if self.instance.consent_at and not self.is_bound:
            self.initial["consent"] = True

    def sections(self):
        """(heading, [bound fields]) for the three parts of the form."""
        uploads = ["photo_upload", "cv_upload", "certificate_uploads", "remove_certificates"]
        return [
            (_("Personal data"), [self[name] for name in PERSONAL]),
            (_("Professional profile"), [self[name] for name in PROFESSIONAL]),
            (_("Photo and documents"), [self[name] for name in uploads if name in self.fields]),
            (_("Consent"), [self["consent"]]),
        ]

    def clean_nik(self):
        nik = (self.cleaned_data.get("nik") or "").strip()
        if nik:
            parse_nik(nik)
        return nik

    def clean_photo_upload(self):
        photo = self.cleaned_data.get("photo_upload")
        return check_file(photo, IMAGE_TYPES, PHOTO_MAX_BYTES) if photo else None

    def clean_cv_upload(self):
        cv = self.cleaned_data.get("cv_upload")
        return check_file(cv, DOCUMENT_TYPES, DOCUMENT_MAX_BYTES) if cv else None

    def clean_certificate_uploads(self):
        files = self.cleaned_data.get("certificate_uploads") or []
        errors = []
        for uploaded in files:
            try:
                check_file(uploaded, DOCUMENT_TYPES, DOCUMENT_MAX_BYTES)
            except ValidationError as error:
                errors.extend(
                    ValidationError(
                        "%(name)s: %(message)s", params={"name": uploaded.name, "message": message}, code=error.code
                    )
                    for message in error.messages
                )
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self):
        cleaned = super().clean()
        nik, birth, gender = cleaned.get("nik"), cleaned.get("birth_date"), cleaned.get("gender")
        if nik and "nik" not in self.errors:
            nik_birth, female = parse_nik(nik)
            if birth and birth != nik_birth:
                self.add_error(
                    "birth_date",
                    _("The date of birth does not match your NIK (which says %(date)s).")
                    % {"date": nik_birth.strftime("%d-%m-%Y")},
                )
            if gender and gender != (Gender.FEMALE if female else Gender.MALE):
                self.add_error("gender", _("The gender does not match your NIK."))
        existing = self.instance.certificates.count() if self.instance.pk else 0
        removing = len(cleaned.get("remove_certificates") or [])
        if existing - removing + len(cleaned.get("certificate_uploads") or []) > MAX_CERTIFICATES:
            self.add_error(
                "certificate_uploads",
                ValidationError(
                    _("You can attach at most %(limit)d certificates."),
                    params={"limit": MAX_CERTIFICATES},
                    code="too_many",
                ),
            )
        if self.final:
            if not cleaned.get("photo_upload") and not self.instance.photo and "photo_upload" not in self.errors:
                self.add_error("photo_upload", _("Please upload a photo."))
            if not cleaned.get("cv_upload") and not self.instance.cv and "cv_upload" not in self.errors:
                self.add_error("cv_upload", _("Please upload your CV."))
        return cleaned

    def valid_uploads(self):
        """Uploads that passed their checks, even when other fields have errors: they are kept."""
        data = getattr(self, "cleaned_data", {})
        return {
            "photo": data.get("photo_upload") if "photo_upload" not in self.errors else None,
            "cv": data.get("cv_upload") if "cv_upload" not in self.errors else None,
            "certificates": data.get("certificate_uploads") or [] if "certificate_uploads" not in self.errors else [],
            "remove": [int(pk) for pk in data.get("remove_certificates") or []],
        }


# --- Profile updates ------------------------------------------------------------------------


class ProfileUpdateForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("New photo"), required=False, help_text=_("Only if you want to replace it: JPEG, PNG or WebP, 5 MB.")
    )

    class Meta:
        model = TrainerProfileUpdate
        fields = [
            "reason",
            "position",
            "short_bio",
            "regency",
            "expertise",
            "education",
            "experience",
            "teaching_experience",
            "certifications",
            "topics",
        ]
        widgets = {
            "expertise": forms.CheckboxSelectMultiple,
            "reason": forms.Textarea(attrs={"rows": 3}),
            "short_bio": TEXTAREA,
            "education": TEXTAREA,
            "experience": TEXTAREA,
            "teaching_experience": TEXTAREA,
            "certifications": TEXTAREA,
            "topics": TEXTAREA,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True
        self.fields["expertise"].queryset = Category.objects.order_by("name")

    def clean_photo_upload(self):
        photo = self.cleaned_data.get("photo_upload")
        return check_file(photo, IMAGE_TYPES, PHOTO_MAX_BYTES) if photo else None


# --- Staff steps ----------------------------------------------------------------------------


class VerificationForm(TransitionForm):
    """SOP step 3: which standard modules the trainer's profile matches, with a note."""

    modules = forms.ModelMultipleChoiceField(
        label=_("Matching standard modules"),
        queryset=StandardModule.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick each standard module the applicant's education, experience and topics cover."),
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["modules"].queryset = StandardModule.objects.filter(active=True).select_related("category")
        self.fields["modules"].label_from_instance = lambda m: (
            f"{m.code} – {m.name}" + (f" ({m.category.name})" if m.category else "")
        )
        self.fields["note"].label = _("Verification note")
        if case is not None and not self.is_bound:
            self.fields["modules"].initial = list(case.checked_modules.values_list("pk", flat=True))


class ScheduleProposalForm(TransitionForm):
    """The head of unit proposes other training dates after the trainer could not come."""

    proposed_schedule = forms.CharField(
        label=_("Proposed training dates"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(TransitionForm):
    """SOP step 5: the head of unit's decision; the letter is issued on submission."""

    letter_note = forms.CharField(
        label=_("Additional sentence for the letter (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    proposed_schedule = forms.CharField(
        label=_("Proposed training dates"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "SOP step 5: the training and its dates the approved trainer is asked to confirm, e.g. "
            "“Pelatihan Batik, 12–14 March 2027, 08.00–15.00, Aula Dinas”."
        ),
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if self.transition is not None and self.transition.name == "reject":
            del self.fields["proposed_schedule"]
            del self.fields["letter_note"]
            self.fields["note"].help_text = _("Shown to the applicant and printed in the letter.")


class ScheduleAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            ("confirm_schedule", _("I am available on the proposed dates")),
            ("decline_schedule", _("I am not available on these dates")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (required when you are not available: which dates would suit you?)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == "decline_schedule" and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Please tell the office why, and which dates would suit you."))
        return cleaned
