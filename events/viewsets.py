"""Admin screens: the regional trainings' queue and case view (with the nominations screen), the
SOP 004 queues, and the facilities checklist."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts import roles
from accounts.roles import has_role
from events import services
from events.models import Candidate, FacilityItem, FacilityPreparation, RegionalTraining, TrainingNeeds
from procedures import services as core
from procedures.viewsets import CaseInspectView, CaseViewSet

OFFICE_ROLES = (roles.ADMIN_OFFICER, roles.TEAM_MEMBER, roles.TEAM_LEAD, roles.HEAD_OF_UNIT, roles.HEAD_OF_OFFICE)


class TrainingCreateView(CreateView):
    """Step 1: the work plan; saving it sends it to the head of unit (``submit``)."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.start(save=False)
        with transaction.atomic():
            instance = self.form.save()
            core.perform(instance, "submit", self.request.user)
        return instance


class TrainingInspectView(CaseInspectView):
    template_name = "events/admin/training_inspect.html"
    nominations_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        training = self.object
        context.update(
            regions=list(training.regions.all()),
            not_ready=training.facilities_not_ready(),
            facilities=list(training.facilities.select_related("responsible")),
            letters=[letter for letter in training.letters() if letter.pdf],
            nominations_url=reverse(self.nominations_url_name, args=[training.pk]),
            needs=getattr(training, "needs", None),
            facility_preparation=getattr(training, "facility_preparation", None),
        )
        return context


class TrainingViewSet(CaseViewSet):
    model = RegionalTraining
    icon = "calendar-alt"
    menu_label = gettext_lazy("Regional trainings")
    add_view_class = TrainingCreateView
    inspect_view_class = TrainingInspectView
    search_fields = ["tracking_number", "title", "place"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(nominations_url_name=self.get_url_name("nominations"), **kwargs)

    def nominations_view(self, request, pk):
        """Who answered, who did not (with reminders), every region's candidates, accept or refuse."""
        if not has_role(request.user, *OFFICE_ROLES):
            raise PermissionDenied
        training = get_object_or_404(RegionalTraining.objects.exclude(tracking_number=None), pk=pk)
        if request.method == "POST":
            action = request.POST.get("action")
            try:
                if action == "remind":
                    region = get_object_or_404(training.regions, pk=request.POST.get("region"))
                    if services.remind(region, request.user):
                        messages.success(request, _("Reminder sent to %(region)s.") % {"region": region.name})
                    else:
                        messages.error(request, _("%(region)s has already answered.") % {"region": region.name})
                elif action == "remind_late":
                    count = sum(1 for region in training.regions.filter(answered_at=None) if services.remind(region))
                    messages.success(request, _("%(count)s reminders sent.") % {"count": count})
                elif action in ("accept", "refuse"):
                    status = Candidate.Status.ACCEPTED if action == "accept" else Candidate.Status.REFUSED
                    services.set_candidate_status(training, int(request.POST.get("candidate", "0")), status)
                    messages.success(request, _("Candidate updated."))
                elif action == "proof":
                    region = get_object_or_404(training.regions, pk=request.POST.get("region"))
                    region.sent_proof = request.POST.get("sent_proof", "")[:255]
                    region.save(update_fields=["sent_proof"])
                    messages.success(request, _("Proof of sending recorded."))
            except (ValidationError, Candidate.DoesNotExist, ValueError) as error:
                messages.error(request, " ".join(getattr(error, "messages", [_("Unknown candidate.")])))
            return redirect(request.path)
        regions = list(training.regions.prefetch_related("candidates"))
        return render(
            request,
            "events/admin/nominations.html",
            {
                "training": training,
                "regions": regions,
                "answered": [region for region in regions if region.answered_at],
                "waiting": [region for region in regions if not region.answered_at],
                "inspect_url": reverse(self.get_url_name("inspect"), args=[training.pk]),
                "header_icon": self.icon,
            },
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("nominations/<int:pk>/", self.nominations_view, name="nominations"),
        ]


class NeedsViewSet(CaseViewSet):
    model = TrainingNeeds
    icon = "list-ul"
    menu_label = gettext_lazy("Training needs")
    search_fields = ["tracking_number", "needs"]


class FacilitiesViewSet(CaseViewSet):
    model = FacilityPreparation
    icon = "clipboard-list"
    menu_label = gettext_lazy("Training facilities")
    search_fields = ["tracking_number"]


class FacilityItemViewSet(ModelViewSet):
    model = FacilityItem
    icon = "tick"
    menu_label = gettext_lazy("Facilities checklist")
    list_display = ["name", "training", "responsible", "state", "updated_at"]
    list_filter = ["state", "training"]
    search_fields = ["name"]
    copy_view_enabled = False
