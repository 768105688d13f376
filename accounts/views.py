from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.forms import ProfileForm
from portal.hooks import member_panels
from portal.nexturl import safe_next


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


def admin_login(request, default=None):
    """Wagtail's login form is not used: every login goes through allauth's throttled login,
    with email verification and the second factor for staff."""
    target = safe_next(request, request.GET.get("next"), default or reverse("wagtailadmin_home"))
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


def admin_password_reset(request, *args, **kwargs):
    """Wagtail's password reset is replaced by allauth's (rate-limited per address and per email)."""
    return redirect("account_reset_password")
