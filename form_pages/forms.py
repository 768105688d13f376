"""The public form built from an editor's fields, with a file-upload type and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.uploads import DOCUMENT_TYPES, MB, FileValidator

FILE_FIELD = "file"
HONEYPOT_FIELD = "alamat_situs"
MAX_UPLOAD_BYTES = 5 * MB
ACCEPT = ",".join(sorted({f".{ext}" for ext in DOCUMENT_TYPES.values()} | {".jpeg"}))


class PortalForm(BaseForm):
    """The form class every form page renders; the honeypot is never stored."""

    honeypot_name = HONEYPOT_FIELD

    @property
    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    @property
    def honeypot_field(self):
        return self[HONEYPOT_FIELD]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    def file_fields(self):
        return [name for name, field in self.fields.items() if isinstance(field, forms.FileField)]


class PortalFormBuilder(FormBuilder):
    def create_file_field(self, field, options):
        options.pop("initial", None)
        return forms.FileField(
            validators=[FileValidator(DOCUMENT_TYPES, MAX_UPLOAD_BYTES)],
            widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            **options,
        )

    @property
    def formfields(self):
        fields = super().formfields
        # People never see or fill this field (it sits off-screen and out of the tab order);
        # form-filling robots do, and their submission is then dropped.
        fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return fields

    def get_form_class(self):
        return type("PortalFormPageForm", (PortalForm,), self.formfields)
