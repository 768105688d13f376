from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.forms import ProfileForm
from portal.hooks import member_panels


@login_required
def member_area(request):
    """The member's home: each flow app adds its own panel through a hook (see portal.hooks)."""
    return render(request, "accounts/member_area.html", {"panels": member_panels(request)})


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:member_area")
    return render(request, "accounts/profile.html", {"form": form})
