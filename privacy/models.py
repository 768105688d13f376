"""Personal data under UU PDP (27/2022): who looked at whose data, consent, erasure and retention.

* ``AccessLog``: viewing a personal record, downloading a personal file and exporting a list,
  one row per person concerned (who, what, when, why-if-asked); kept one year.
* ``ConsentRecord``: consent given to a version of the privacy notice (``PrivacySettings``).
* ``ErasureRequest``: "erase my account", confirmed by a superuser or automatic after the
  configured number of days when no legal hold applies.
* ``RetentionPeriod``: how long each kind of record is kept (defaults from the rules the apps
  register; editable in the admin, and the privacy page is generated from them).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class AccessLog(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("Viewed a personal record")
        DOWNLOAD = "download", _("Downloaded a personal file")
        EXPORT = "export", _("Exported a list")
        CHANGE = "change", _("Changed personal data")
        ERASE = "erase", _("Erased personal data")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    what = models.CharField(_("what"), max_length=255)
    person_key = models.CharField(_("person reference"), max_length=60, db_index=True, blank=True)
    person_label = models.CharField(_("person"), max_length=200, blank=True)
    person_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    full_data = models.BooleanField(_("full personal data"), default=False)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    batch = models.CharField(_("batch"), max_length=32, blank=True, db_index=True)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        permissions = [("export_full_personal_data", "Can export lists with full personal data")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label}: {self.what}"


class ConsentRecord(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    notice_version = models.PositiveIntegerField(_("privacy notice version"))
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    source = models.CharField(_("where"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]

    def __str__(self):
        return f"{self.user_id} v{self.notice_version} {self.given_at:%Y-%m-%d}"


class ErasureRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        DONE = "done", _("Erased")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="erasure_requests"
    )
    account_label = models.CharField(_("account"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    report = models.JSONField(_("what was done"), default=list, blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.account_label} ({self.get_status_display()})"


class RetentionPeriod(models.Model):
    """The retention of one kind of record (the keys come from the registered rules)."""

    key = models.CharField(_("record type key"), max_length=60, unique=True, editable=False)
    record_type = models.CharField(_("record type"), max_length=200, editable=False)
    days = models.PositiveIntegerField(_("kept for (days)"))

    panels = [FieldPanel("days")]

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        ordering = ["record_type"]

    def __str__(self):
        return f"{self.record_type}: {self.days}"


@register_setting(icon="lock")
class PrivacySettings(BaseGenericSetting):
    notice_version = models.PositiveIntegerField(
        _("privacy notice version"),
        default=1,
        help_text=_("Raise it when the privacy notice changes materially: everyone is asked again at the next login."),
    )
    erasure_after_days = models.PositiveIntegerField(
        _("automatic erasure after (days)"),
        default=30,
        help_text=_("An erasure request no superuser decided on is carried out after this many days (0: never)."),
    )

    panels = [FieldPanel("notice_version"), FieldPanel("erasure_after_days")]

    class Meta:
        verbose_name = _("personal data protection")
