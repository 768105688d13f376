from django import forms

from procedures.forms import TransitionForm


class AnswerForm(TransitionForm):
    answer = forms.CharField(widget=forms.Textarea)
