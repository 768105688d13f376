"""Read-only admin panel showing a trainer's schedule on the TrainerPage edit form."""

import datetime

from django.utils import timezone

from wagtail.admin.panels import Panel

SCHEDULE_PANEL_DAYS = 90


class TrainerSchedulePanel(Panel):
    """The next 90 days of every registered schedule source (classes, assignments), for editors."""

    @property
    def clean_name(self):
        return super().clean_name or "trainer_schedule"

    class BoundPanel(Panel.BoundPanel):
        template_name = "trainers/admin/schedule_panel.html"

        def get_context_data(self, parent_context=None):
            from trainers.schedule import trainer_schedule

            context = super().get_context_data(parent_context)
            page = self.instance
            items = []
            if page is not None and page.pk:
                start = timezone.localdate()
                items = trainer_schedule(page, start, start + datetime.timedelta(days=SCHEDULE_PANEL_DAYS))
            context["items"] = items
            context["days"] = SCHEDULE_PANEL_DAYS
            context["saved"] = bool(page is not None and page.pk)
            return context
