"""Admin forms: the SOP page (rules that span the page and its steps) and the adoption of a library SOP."""

from collections import Counter

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput


class SOPPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("procedure_code") and "steps" in self.formsets:
            labels = Counter()
            for form in self.formsets["steps"].forms:
                if (
                    not form.is_valid()
                    or form.cleaned_data.get("DELETE")
                    or not form.has_changed()
                    and not form.instance.pk
                ):
                    continue
                label = (form.cleaned_data.get("label") or "").strip() or str(form.cleaned_data.get("number") or "")
                labels[label] += 1
            repeated = sorted(label for label, count in labels.items() if count > 1)
            if repeated:
                # The process core looks each step up by its printed number.
                self.add_error(
                    "procedure_code",
                    _("A tracked service needs distinct step numbers; repeated: %(labels)s.")
                    % {"labels": ", ".join(repeated)},
                )
        return cleaned_data


class AdoptionForm(forms.Form):
    """The office's own header of an SOP it adopts from the library (number, dates, approver, unit)."""

    issuer = forms.CharField(
        label=gettext_lazy("Office and unit"),
        max_length=400,
        help_text=gettext_lazy("As your SOP documents print it, e.g. 'Dinas … Kabupaten … – Bidang …'."),
    )
    sop_number = forms.CharField(label=gettext_lazy("SOP number"), max_length=120, required=False)
    date_made = forms.DateField(label=gettext_lazy("Date made"), required=False, widget=AdminDateInput)
    date_made_month_only = forms.BooleanField(
        label=gettext_lazy("Only the month of the date made is printed"), required=False
    )
    date_revised = forms.DateField(label=gettext_lazy("Date revised"), required=False, widget=AdminDateInput)
    date_effective = forms.DateField(label=gettext_lazy("Date effective"), required=False, widget=AdminDateInput)
    date_effective_month_only = forms.BooleanField(
        label=gettext_lazy("Only the month of the date effective is printed"), required=False
    )
    approver_title = forms.CharField(label=gettext_lazy("Approved by (position)"), max_length=300, required=False)
    approver_name = forms.CharField(label=gettext_lazy("Approver's name"), max_length=200, required=False)
    approver_rank = forms.CharField(label=gettext_lazy("Approver's rank"), max_length=120, required=False)
    approver_nip = forms.CharField(label=gettext_lazy("Approver's NIP"), max_length=30, required=False)
    extra_legal_basis = forms.CharField(
        label=gettext_lazy("Your own legal basis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "One regulation per line, e.g. your regent's regulation on the office. Listed after the SOP's general "
            "legal basis when the page is created or its content is replaced."
        ),
    )
    replace_content = forms.BooleanField(
        label=gettext_lazy("Replace the content with the library's"),
        required=False,
        help_text=gettext_lazy(
            "Steps, standard times, legal basis and the rest go back to the library's version; changes editors "
            "made to them are lost (they stay in the page history)."
        ),
    )

    def __init__(self, *args, adopted=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not adopted:
            del self.fields["replace_content"]

    def clean_approver_nip(self):
        nip = self.cleaned_data["approver_nip"].strip()
        digits = nip.replace(" ", "")
        if digits and (not digits.isdigit() or len(digits) != 18):
            raise forms.ValidationError(gettext_lazy("A NIP has exactly 18 digits."))
        return nip

    def clean(self):
        cleaned_data = super().clean()
        made, revised = cleaned_data.get("date_made"), cleaned_data.get("date_revised")
        if made and revised and revised < made:
            self.add_error("date_revised", gettext_lazy("The date revised cannot be before the date made."))
        return cleaned_data

    def adoption(self):
        from sops.adoption import Adoption, format_nip

        data = dict(self.cleaned_data)
        data.pop("replace_content", None)
        lines = data.pop("extra_legal_basis").splitlines()
        data["approver_nip"] = format_nip(data["approver_nip"])
        return Adoption(extra_legal_basis=[line.strip() for line in lines if line.strip()], **data)
