from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
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


def _safe_next(request, default):
    target = request.GET.get("next") or request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def admin_login(request):
    """Wagtail's login form is not used: every login goes through allauth's throttled login,
    with email verification and the second factor for staff."""
    return redirect(
        f"{reverse('account_login')}?{urlencode({'next': _safe_next(request, reverse('wagtailadmin_home'))})}"
    )


def admin_password_reset(request, *args, **kwargs):
    """Wagtail's password reset is replaced by allauth's (rate-limited per address and per email)."""
    return redirect("account_reset_password")
