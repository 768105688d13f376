from django import forms
from django.utils.translation import gettext_lazy as _

from enrolment.models import Enrolment
from stories.models import AlumniStory


class StoryForm(forms.ModelForm):
    """An alumnus's story about one class they completed, with explicit consent to publish it."""

    enrolment = forms.ModelChoiceField(queryset=Enrolment.objects.none(), label=_("Class you completed"))
    consent = forms.BooleanField(
        label=_(
            "I agree that the office publishes this story with the name I chose on its website, "
            "on the class page and in its reports. I can withdraw it at any time from my account."
        ),
        required=True,
    )

    class Meta:
        model = AlumniStory
        fields = ["enrolment", "display_name", "story"]
        widgets = {"story": forms.Textarea(attrs={"rows": 6, "maxlength": 1200})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = completed_enrolments(user)
        self.fields["enrolment"].label_from_instance = lambda enrolment: enrolment.course.title


def completed_enrolments(user):
    return (
        Enrolment.objects.for_user(user)
        .filter(state="completed")
        .select_related("course")
        .order_by("-course__start_date")
    )
