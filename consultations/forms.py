from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Consultation
from portal.hooks import member_classes
from procedures.forms import TransitionForm

OTHER = "other"


class ConsultationForm(forms.ModelForm):
    """The alumnus's question. A person enrolled in the office's classes names the class from their own list."""

    course_choice = forms.ChoiceField(label=_("Class you attended"), required=False)
    consent = forms.BooleanField(
        label=_("I agree that the office processes my data to answer this question."), required=True
    )

    class Meta:
        model = Consultation
        fields = [
            "applicant_name",
            "applicant_email",
            "phone",
            "training",
            "category",
            "subject",
            "question",
            "attachment",
        ]
        widgets = {"question": forms.Textarea(attrs={"rows": 6})}

    field_order = ["applicant_name", "applicant_email", "phone", "course_choice", "training"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.classes = dict(member_classes(user))
        if self.classes:
            field = self.fields["course_choice"]
            field.required = True
            field.choices = [("", _("Choose the class")), *((str(pk), title) for pk, title in self.classes.items())]
            field.choices.append((OTHER, _("Another training (write its name below)")))
            self.fields["training"].required = False
            self.fields["training"].help_text = _("Only when the training is not in your list above.")
        else:
            del self.fields["course_choice"]

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("course_choice")
        if choice and choice != OTHER:
            pk = int(choice)
            cleaned["course_id"] = pk
            cleaned["training"] = self.classes[pk][:200]
            self.instance.course_id = pk
            self.instance.training = cleaned["training"]
        elif self.classes and choice == OTHER and not (cleaned.get("training") or "").strip():
            self.add_error("training", _("Please write the name of the training you attended."))
        return cleaned


class AnswerTransitionForm(TransitionForm):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if case is not None and not self.is_bound:
            self.fields["answer"].initial = case.answer
