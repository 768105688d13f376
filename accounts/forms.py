from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignupNameForm(forms.Form):
    """Extra fields on allauth's sign-up form: the name printed on letters and certificates."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    # allauth's sign-up form inherits from this one and honours its field order: name first.
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class ProfileForm(forms.ModelForm):
    """The member's own contact details; email changes go through allauth's verified flow."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "phone": _("Phone / WhatsApp"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The name is printed on certificates, so it cannot be left empty here.
        self.fields["first_name"].required = True
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = "".join(ch for ch in phone if ch.isdigit())
        if phone and not 8 <= len(digits) <= 15:
            raise forms.ValidationError(_("Enter a phone number of 8 to 15 digits, e.g. 0812 3456 7890."))
        return phone
