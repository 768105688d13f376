from django import forms
from django.utils.translation import gettext_lazy as _

from portal.uploads import DOCUMENT_TYPES, MB, FileValidator


class StatusLookupForm(forms.Form):
    number = forms.CharField(label=_("Tracking number"), max_length=32, help_text=_("For example NRS-2026-00042."))
    token = forms.CharField(
        label=_("Access code"),
        max_length=300,
        help_text=_("The code in the confirmation email, after the last slash of the status link."),
    )

    def clean_number(self):
        return self.cleaned_data["number"].strip().upper()

    def clean_token(self):
        return self.cleaned_data["token"].strip().rstrip("/").split("/")[-1]


class LetterLookupForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=40)


class TransitionForm(forms.Form):
    """The base form every staff action uses; flows subclass it to add their own fields."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        validators=[FileValidator(DOCUMENT_TYPES, 10 * MB)],
        help_text=_("PDF or image, at most 10 MB."),
    )
    share_attachment = forms.BooleanField(
        label=_("The applicant may download the attachment"),
        required=False,
        help_text=_("Leave unticked for internal drafts and working papers: only staff will see them."),
    )

    def __init__(self, *args, case=None, transition=None, user=None, **kwargs):
        self.case, self.transition, self.user = case, transition, user
        super().__init__(*args, **kwargs)
        if transition is not None and transition.note_required:
            self.fields["note"].required = True
            self.fields["note"].label = _("Reason")

    def transition_data(self):
        """Extra data handed to the case's ``on_transition``."""
        return {
            k: v
            for k, v in self.cleaned_data.items()
            if k not in {"version", "note", "attachment", "share_attachment"}
        }
