import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MB, validate_upload
from procedures.forms import TransitionForm

from .models import LETTER_MAX_BYTES, PHOTO_MAX_BYTES, PendingUpload, TrainerRequest

UPLOAD_SALT = "trainer_requests.pending-upload"
STARTED_SALT = "trainer_requests.form-started"
UPLOAD_MAX_AGE = 24 * 3600
#: A person needs longer than this to fill in the form; bots post at once.
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 24 * 3600


def live_trainers():
    from trainers.models import TrainerPage

    return TrainerPage.objects.live().order_by("full_name")


class TrainerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.regency})" if obj.regency else obj.full_name


class TrainerRequestForm(forms.ModelForm):
    """The public request. The letter survives validation errors through a signed ``letter_token``."""

    letter = forms.FileField(
        label=_("Request letter (surat permohonan)"),
        required=False,
        help_text=_("The signed letter of your organisation as PDF, JPG, PNG or WebP, at most 5 MB."),
    )
    letter_token = forms.CharField(required=False, widget=forms.HiddenInput)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    consent = forms.BooleanField(
        label=_(
            "I confirm that I may make this request on behalf of the organisation and agree that the office "
            "processes these data to handle it."
        ),
        required=True,
    )

    class Meta:
        model = TrainerRequest
        fields = [
            "organisation_name",
            "organisation_type",
            "address",
            "regency",
            "applicant_name",
            "phone",
            "applicant_email",
            "topic",
            "category",
            "preferred_trainer",
            "event_title",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "mode",
            "location",
            "online_link",
            "audience_size",
            "audience_profile",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
            "topic": forms.Textarea(attrs={"rows": 4}),
            "audience_profile": forms.Textarea(attrs={"rows": 3}),
            "location": forms.Textarea(attrs={"rows": 2}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "applicant_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "topic": _("What should the trainer teach, and what should the participants be able to do afterwards?"),
            "preferred_trainer": _("Optional. The office decides who is assigned."),
            "location": _("Venue and address; for an online event you may leave it empty."),
        }

    field_order = [*Meta.fields, "letter", "consent", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending = None
        self.fields["preferred_trainer"] = TrainerChoiceField(
            queryset=live_trainers(),
            required=False,
            label=_("Preferred trainer"),
            help_text=self.Meta.help_texts["preferred_trainer"],
        )
        self.fields["audience_size"].min_value = 1
        self.fields["audience_size"].max_value = 100000
        self.fields["audience_size"].validators += [
            MinValueValidator(1),
            MaxValueValidator(100000),
        ]
        self.fields["category"].required = True
        self.fields["category"].empty_label = _("Choose a field")
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial.setdefault("started", signing.dumps(time.time(), salt=STARTED_SALT))
        elif self.data.get("letter_token"):
            self.pending = self._pending_from_token(self.data.get("letter_token"))

    SECTIONS = [
        (
            _("Your organisation"),
            [
                "organisation_name",
                "organisation_type",
                "address",
                "regency",
                "applicant_name",
                "phone",
                "applicant_email",
            ],
        ),
        (_("What you need"), ["topic", "category", "preferred_trainer"]),
        (
            _("The event"),
            [
                "event_title",
                "start_date",
                "end_date",
                "start_time",
                "end_time",
                "mode",
                "location",
                "online_link",
                "audience_size",
                "audience_profile",
            ],
        ),
        (_("Request letter and consent"), ["letter", "consent"]),
    ]

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    @staticmethod
    def _pending_from_token(token):
        try:
            pk = signing.loads(str(token), salt=UPLOAD_SALT, max_age=UPLOAD_MAX_AGE)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        if not isinstance(pk, int):
            return None
        return PendingUpload.objects.filter(pk=pk).first()

    @property
    def honeypot_filled(self):
        return bool(self.data.get("website"))

    def clean_started(self):
        value = self.cleaned_data.get("started") or ""
        try:
            started = float(signing.loads(value, salt=STARTED_SALT))
        except (signing.BadSignature, ValueError, TypeError):
            raise ValidationError(_("The form has expired. Please check the fields and send it again."))
        elapsed = time.time() - started
        if elapsed < MIN_FILL_SECONDS or elapsed > MAX_FILL_SECONDS:
            raise ValidationError(_("The form has expired. Please check the fields and send it again."))
        return value

    def clean_letter(self):
        upload = self.cleaned_data.get("letter")
        if upload:
            validate_upload(upload, DOCUMENT_TYPES, LETTER_MAX_BYTES)
            return upload
        if self.pending is None:
            raise ValidationError(_("Please attach your organisation's request letter."), code="required")
        return None

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end:
            if end < start:
                self.add_error("end_date", _("The last day cannot be before the first day."))
            elif (end - start).days > 30:
                self.add_error("end_date", _("A request can cover at most 31 days."))
            if start < timezone.localdate():
                self.add_error("start_date", _("The event cannot start in the past."))
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        if start_time and end_time and end_time <= start_time:
            self.add_error("end_time", _("The event must end after it starts on each day."))
        mode = cleaned.get("mode")
        if (
            mode in (TrainerRequest.Mode.IN_PERSON, TrainerRequest.Mode.BLENDED)
            and not cleaned.get("location", "").strip()
        ):
            self.add_error("location", _("Please give the venue and its address."))
        if mode in (TrainerRequest.Mode.ONLINE, TrainerRequest.Mode.BLENDED) and not cleaned.get("online_link"):
            self.add_error("online_link", _("Please give the online meeting link (you may send a placeholder)."))
        return cleaned

    def letter_not_kept(self):
        """After a failed submission: an uploaded letter is not stored, the applicant chooses it again.

        Files of this anonymous form are written to disk only for a valid, rate-limited request
        (``services.submit_request``); a letter held from before (``letter_token``) stays usable.
        """
        if self.pending is not None:
            self.fields["letter"].help_text = _(
                "Already uploaded: %(name)s. Choose another file only to replace it."
            ) % {"name": self.pending.original_name}
        elif self.files.get("letter"):
            self.fields["letter"].help_text = _(
                "The letter was not kept because the form has errors: please choose it again."
            )
        self._bound_fields_cache.pop("letter", None)  # the bound field copied the old help text


class RecordLetterForm(TransitionForm):
    agenda_number = forms.CharField(label=_("Agenda number"), max_length=60)
    agenda_date = forms.DateField(label=_("Agenda date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["agenda_date"].initial = timezone.localdate()


class AnalysisForm(TransitionForm):
    analysis = forms.CharField(
        label=_("Analysis of the material needed (telaahan)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if case is not None and not self.is_bound:
            self.fields["analysis"].initial = case.analysis


class ApprovalForm(TransitionForm):
    """Kepala Dinas approves and names trainers; suggestions first, conflicts shown on each."""

    trainers = forms.MultipleChoiceField(
        label=_("Trainers to assign"), required=False, widget=forms.CheckboxSelectMultiple
    )
    override_conflicts = forms.BooleanField(label=_("Assign despite the schedule conflicts shown"), required=False)
    override_reason = forms.CharField(
        label=_("Reason for assigning despite a conflict"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args, case=None, **kwargs):
        from trainer_requests.services import suggestions

        super().__init__(*args, case=case, **kwargs)
        self.suggestions = suggestions(case) if case is not None else []
        self.already = {a.trainer_id for a in case.active_assignments()} if case is not None else set()
        field = self.fields["trainers"]
        field.choices = [(str(s.trainer.pk), s.label) for s in self.suggestions if s.trainer.pk not in self.already]
        field.help_text = _(
            "Suggested first: the preferred trainer, then trainers whose expertise matches the request."
        )
        if self.already:
            field.help_text = _("Already assigned and still active: %(names)s.") % {
                "names": ", ".join(s.trainer.full_name for s in self.suggestions if s.trainer.pk in self.already)
            }

    def clean(self):
        cleaned = super().clean()
        by_pk = {s.trainer.pk: s for s in self.suggestions}
        chosen = [by_pk[int(pk)].trainer for pk in cleaned.get("trainers") or [] if int(pk) in by_pk]
        cleaned["trainers"] = chosen
        if not chosen and not self.already:
            self.add_error("trainers", _("Choose at least one trainer."))
            return cleaned
        conflicted = [by_pk[t.pk] for t in chosen if t.pk in by_pk and by_pk[t.pk].conflicts]
        cleaned["conflicts"] = {s.trainer.pk: "\n".join(str(c) for c in s.conflicts) for s in conflicted}
        if conflicted and not cleaned.get("override_conflicts"):
            self.add_error(
                "override_conflicts",
                _(
                    "%(names)s already have commitments on these dates. Tick the override and give a reason, "
                    "or choose someone else."
                )
                % {"names": ", ".join(s.trainer.full_name for s in conflicted)},
            )
        if conflicted and cleaned.get("override_conflicts") and not cleaned.get("override_reason", "").strip():
            self.add_error("override_reason", _("Please give the reason for assigning despite the conflict."))
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    def __init__(self, *args, max_files=10, **kwargs):
        self.max_files = max_files
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if len(files) > self.max_files:
            raise ValidationError(_("At most %(n)s photos.") % {"n": self.max_files})
        cleaned = [super(MultipleImageField, self).clean(f, initial) for f in files]
        errors = []
        for upload in cleaned:
            try:
                validate_upload(upload, IMAGE_TYPES, PHOTO_MAX_BYTES)
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ReportForm(TransitionForm):
    attendance_count = forms.IntegerField(label=_("Participants who attended"), min_value=0, max_value=100000)
    report_notes = forms.CharField(
        label=_("Short report of the event"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10000
    )
    photos = MultipleImageField(
        label=_("Photos of the event"),
        required=False,
        help_text=_("JPG, PNG or WebP, up to 10 photos of at most 8 MB each."),
    )


class TrainerAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("confirm", _("I confirm: I will be there")), ("decline", _("I cannot take this assignment"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (required when declining)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == "decline" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Please tell the office why you cannot come."))
        return cleaned


__all__ = ["MB"]
