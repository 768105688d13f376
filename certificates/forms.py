import re

from django import forms
from django.utils.translation import gettext_lazy as _

from procedures.letters import CODE_ALPHABET

CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{16}}$")


def normalise_code(value):
    """``abcd efgh-jkmn pqrs`` -> ``ABCD-EFGH-JKMN-PQRS``; ``None`` if it cannot be a code."""
    raw = re.sub(r"[\s-]", "", value or "").upper()
    if not CODE_RE.match(raw):
        return None
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("Printed under the QR code on the certificate, for example ABCD-EFGH-JKMN-PQRS."),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(_("A verification code has 16 letters and digits, in four groups."))
        return code


class UploadVerifyForm(forms.Form):
    MAX_BYTES = 10 * 1024 * 1024

    document = forms.FileField(
        label=_("Credential or signed PDF"),
        help_text=_("A certificate or letter PDF, a credential (JSON) or a badge image (PNG) from the portal."),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 10 MB)."))
        return upload


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class ReissueForm(forms.Form):
    holder_name = forms.CharField(
        label=_("Name as printed"), max_length=200, help_text=_("Correct the name here if it was wrong.")
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class IssueForm(forms.Form):
    enrolments = forms.TypedMultipleChoiceField(
        label=_("Participants"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolments"].choices = choices
