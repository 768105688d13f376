"""Admin form for SOP pages: rules that span the page and its steps."""

from collections import Counter

from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm


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
