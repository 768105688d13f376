from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.forms import ProfileForm
from portal.hooks import member_panels


@login_required
def member_area(request):
    return render(request, "accounts/member_area.html", {"panels": member_panels(request)})


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            for name, value in form.cleaned_data.items():
                setattr(user, name, value.strip())
            user.save(update_fields=list(form.cleaned_data))
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:member_area")
    else:
        form = ProfileForm(initial={"first_name": user.first_name, "last_name": user.last_name, "phone": user.phone})
    return render(request, "accounts/profile.html", {"form": form})
