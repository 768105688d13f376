from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from licensing.models import ApplicationDocument, InspectionFinding, LicenceApplication, RequirementItem
from portal.uploads import IMAGE_TYPES, MB, validate_upload
from procedures.forms import TransitionForm

#: Fields the applicant must fill before submitting (a draft may leave them blank).
REQUIRED_ON_SUBMIT = [
    "institution_name",
    "legal_form",
    "address",
    "regency",
    "head_name",
    "contact_phone",
    "contact_email",
    "programmes",
    "instructors_count",
    "facilities",
]


class InstitutionForm(forms.ModelForm):
    """The institution's data; everything optional while saving a draft, required when submitting."""

    class Meta:
        model = LicenceApplication
        fields = REQUIRED_ON_SUBMIT
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "programmes": forms.Textarea(attrs={"rows": 4}),
            "facilities": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REQUIRED_ON_SUBMIT:
            self.fields[name].required = submitting
        self.fields["instructors_count"].min_value = 1
        self.fields["instructors_count"].widget.attrs["min"] = 1


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (phone photos); each is checked by content."""

    def __init__(self, *args, allowed=IMAGE_TYPES, max_bytes=10 * MB, max_files=12, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        self.allowed, self.max_bytes, self.max_files = allowed, max_bytes, max_files
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > self.max_files:
            raise ValidationError(_("At most %(n)d photos."), params={"n": self.max_files})
        errors = []
        for uploaded in files:
            try:
                validate_upload(uploaded, self.allowed, self.max_bytes)
            except ValidationError as error:
                errors.extend(f"{uploaded.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class DocumentsForm(forms.Form):
    """One file input per active checklist item (or, in correction, per refused item)."""

    def __init__(self, *args, application, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.documents = {doc.item_id: doc for doc in application.documents.select_related("item")}
        if items is None:
            items = RequirementItem.objects.active()
        self.items = list(items)
        for item in self.items:
            document = self.documents.get(item.pk)
            help_parts = [
                item.description,
                item.get_accepted_types_display(),
                _("at most %(n)d MB") % {"n": item.max_size_mb},
            ]
            self.fields[self.field_name(item)] = forms.FileField(
                label=item.name,
                required=False,
                help_text=" · ".join(str(part) for part in help_parts if part),
                widget=forms.ClearableFileInput(attrs={"accept": item.accept_attribute}),
            )
            self.fields[self.field_name(item)].item = item
            self.fields[self.field_name(item)].document = document

    def refresh(self):
        """Reload the stored documents (after valid uploads were kept) for the "already uploaded" rows."""
        self.documents = {doc.item_id: doc for doc in self.application.documents.select_related("item")}

    @staticmethod
    def field_name(item):
        return f"item_{item.pk}"

    def clean(self):
        cleaned = super().clean()
        self.content_types = {}
        for item in self.items:
            name = self.field_name(item)
            uploaded = cleaned.get(name)
            if not uploaded:
                continue
            try:
                self.content_types[name] = validate_upload(uploaded, item.allowed_types, item.max_bytes)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned

    def valid_uploads(self):
        """(item, file, content type) for every upload that passed its checks, even if others failed."""
        result = []
        for item in self.items:
            name = self.field_name(item)
            uploaded = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
            if uploaded and name not in self.errors and name in getattr(self, "content_types", {}):
                result.append((item, uploaded, self.content_types[name]))
        return result

    def rows(self):
        """(bound field, existing document) pairs for the template."""
        return [(self[self.field_name(item)], self.documents.get(item.pk)) for item in self.items]


# Staff transition forms ---------------------------------------------------------------


class AcceptFileForm(TransitionForm):
    """SOP step 2, accepted: the front office confirms each uploaded document was checked."""

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.documents = list(case.documents.select_related("item")) if case is not None else []
        for document in self.documents:
            self.fields[f"checked_{document.pk}"] = forms.BooleanField(
                label=_("%(item)s — checked and complete (%(file)s)")
                % {"item": document.item.name, "file": document.original_name},
                required=True,
            )

    def transition_data(self):
        return {"checked": [document.pk for document in self.documents]}


class RefuseFileForm(TransitionForm):
    """SOP step 2, refused: a verdict per document, a reason for every refused one."""

    VERDICTS = [(ApplicationDocument.ACCEPTED, _("Accept")), (ApplicationDocument.REFUSED, _("Refuse"))]

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["note"].label = _("General note to the applicant (optional)")
        self.documents = list(case.documents.select_related("item")) if case is not None else []
        for document in self.documents:
            self.fields[f"verdict_{document.pk}"] = forms.ChoiceField(
                label=_("%(item)s (%(file)s)") % {"item": document.item.name, "file": document.original_name},
                choices=self.VERDICTS,
                initial=ApplicationDocument.ACCEPTED,
                widget=forms.RadioSelect,
            )
            self.fields[f"reason_{document.pk}"] = forms.CharField(
                label=_("Reason if refused: %(item)s") % {"item": document.item.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        cleaned = super().clean()
        refused = 0
        for document in self.documents:
            if cleaned.get(f"verdict_{document.pk}") == ApplicationDocument.REFUSED:
                refused += 1
                if not (cleaned.get(f"reason_{document.pk}") or "").strip():
                    self.add_error(f"reason_{document.pk}", _("Give the reason for refusing this document."))
        if self.documents and not refused:
            raise ValidationError(_("Refuse at least one document to return the file; otherwise accept it."))
        if not self.errors:
            from licensing.services import refusal_note

            reasons = refusal_note(self.verdicts(), self.documents)
            general = (cleaned.get("note") or "").strip()
            cleaned["note"] = f"{reasons}\n{general}".strip() if general else reasons
        return cleaned

    def verdicts(self):
        return {
            document.pk: (
                self.cleaned_data.get(f"verdict_{document.pk}"),
                (self.cleaned_data.get(f"reason_{document.pk}") or "").strip(),
            )
            for document in self.documents
        }

    def transition_data(self):
        return {"verdicts": self.verdicts()}


class InspectionForm(TransitionForm):
    """SOP step 4: the field inspection report (BAP lapangan) and the recommendation."""

    RECOMMENDATION = [("recommend", _("Recommend the licence")), ("not_recommend", _("Do not recommend"))]

    visit_date = forms.DateField(
        label=_("Visit date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    officers = forms.CharField(
        label=_("Inspecting officers"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One officer per line (name, NIP)."),
    )
    photos = MultipleFileField(
        label=_("Photos of the site"),
        required=False,
        help_text=_("Take them with the phone's camera; several at once. JPEG, PNG or WebP, at most 10 MB each."),
    )
    conclusion = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 3}))
    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=RECOMMENDATION, widget=forms.RadioSelect)
    reasons = forms.CharField(label=_("Reasons for the recommendation"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["visit_date"].initial = timezone.localdate()
        self.facilities = case.facility_list if case is not None else []
        for index, facility in enumerate(self.facilities):
            self.fields[f"facility_{index}"] = forms.ChoiceField(
                label=_("Finding: %(facility)s") % {"facility": facility},
                choices=InspectionFinding.CONDITION_CHOICES,
            )
            self.fields[f"facility_{index}_notes"] = forms.CharField(
                label=_("Notes: %(facility)s") % {"facility": facility}, required=False
            )
        # Keep the submit button last: photos, conclusion and recommendation after the findings.
        for name in ("photos", "conclusion", "recommendation", "reasons"):
            self.fields[name] = self.fields.pop(name)

    def clean_visit_date(self):
        visit = self.cleaned_data["visit_date"]
        if visit > timezone.localdate():
            raise ValidationError(_("The visit date cannot be in the future."))
        return visit

    def transition_data(self):
        data = {
            k: self.cleaned_data.get(k) for k in ("visit_date", "officers", "conclusion", "recommendation", "reasons")
        }
        data["photos"] = self.cleaned_data.get("photos") or []
        data["findings"] = [
            (facility, self.cleaned_data[f"facility_{index}"], self.cleaned_data.get(f"facility_{index}_notes", ""))
            for index, facility in enumerate(self.facilities)
        ]
        return data


class DecreeDraftForm(TransitionForm):
    """SOP step 5: the draft decree, generated from the institution's data and the recommendation."""

    considerations = forms.CharField(
        label=_("Considerations (Menimbang)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One consideration per line."),
    )
    decision = forms.CharField(
        label=_("Decision text (Memutuskan)"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "One article per paragraph (blank line between). The decree and licence numbers are assigned at signing."
        ),
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if case is not None and not self.is_bound:
            from licensing.services import default_considerations, default_decision

            self.fields["considerations"].initial = case.decree_considerations or default_considerations(case)
            self.fields["decision"].initial = case.decree_decision or default_decision(case)
