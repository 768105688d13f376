from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stories import services
from stories.forms import StoryForm, completed_enrolments
from stories.models import AlumniStory


@login_required
def submit(request):
    if not completed_enrolments(request.user).exists():
        messages.info(request, _("You can share a story once you have completed a class."))
        return redirect("accounts:member_area")
    form = StoryForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.submit_story(form, request.user)
        messages.success(request, _("Thank you! Your story will appear after the editor has reviewed it."))
        return redirect("accounts:member_area")
    return render(request, "stories/submit.html", {"form": form})


@login_required
@require_POST
def withdraw(request, pk):
    story = get_object_or_404(AlumniStory, pk=pk, author=request.user)
    services.withdraw_story(story)
    messages.success(request, _("Your story has been withdrawn."))
    return redirect("accounts:member_area")
