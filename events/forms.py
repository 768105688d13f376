from django import forms
from django.utils.translation import gettext_lazy as _

from procedures.forms import TransitionForm

from .models import Candidate


class DraftsTransitionForm(TransitionForm):
    """Step 4: the three drafts, prefilled from the templates, edited by staff."""

    invitation_text = forms.CharField(label=_("Invitation"), widget=forms.Textarea(attrs={"rows": 8}))
    cover_letter_text = forms.CharField(label=_("Cover letter"), widget=forms.Textarea(attrs={"rows": 8}))
    decree_text = forms.CharField(label=_("Committee decree (SK Panitia)"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.case is not None:
            for name in ("invitation_text", "cover_letter_text", "decree_text"):
                self.fields[name].initial = getattr(self.case, name)


class MeetingTransitionForm(TransitionForm):
    meeting_minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 5}))
    meeting_attendees = forms.CharField(label=_("Attendees"), widget=forms.Textarea(attrs={"rows": 3}))
    meeting_decisions = forms.CharField(label=_("Decisions"), widget=forms.Textarea(attrs={"rows": 4}))


class ReportTransitionForm(TransitionForm):
    report_text = forms.CharField(label=_("Implementation report"), widget=forms.Textarea(attrs={"rows": 14}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.case is not None:
            self.fields["report_text"].initial = self.case.report_text


class NeedsTransitionForm(TransitionForm):
    needs = forms.CharField(label=_("Needs of the training"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.case is not None:
            self.fields["needs"].initial = self.case.needs


class CandidateForm(forms.ModelForm):
    class Meta:
        model = Candidate
        fields = ["full_name", "nik", "phone", "email", "position", "agency"]
        labels = {"phone": _("Contact (phone / WhatsApp)")}
        widgets = {"nik": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})}


class SheetForm(forms.Form):
    sheet = forms.FileField(
        label=_("Spreadsheet (.xlsx)"),
        help_text=_("First row: nama, nik, telepon, email, jabatan, instansi. One candidate per row."),
    )

    def clean_sheet(self):
        sheet = self.cleaned_data["sheet"]
        if sheet.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return sheet
