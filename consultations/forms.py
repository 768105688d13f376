from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Consultation
from procedures.forms import TransitionForm


class ConsultationForm(forms.ModelForm):
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


class AnswerTransitionForm(TransitionForm):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if case is not None and not self.is_bound:
            self.fields["answer"].initial = case.answer
