"""Retention: how long each kind of record is kept, editable in the admin, applied by ``purge_expired``.

The rules come from the apps (``portal.hooks.register_retention_rules``) with their defaults; a
``RetentionPeriod`` row per rule holds the days the office set. The privacy page is generated
from the same rules and periods, so what it says stays true.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.hooks import RetentionRule, retention_rules
from privacy.models import AccessLog, RetentionPeriod

ACCESS_LOG = "privacy.access_log"


def _expired_access_log(cutoff):
    return AccessLog.objects.filter(at__lt=cutoff)


def _purge_access_log(entry):
    entry.delete()


def own_rules():
    return [
        RetentionRule(
            key=ACCESS_LOG,
            record_type=_("Access log"),
            collected=_("Who viewed, downloaded or exported whose personal data, when and why"),
            purpose=_("Accountability under UU PDP: showing that personal data is only used by those who need it"),
            who_sees=_("The superuser"),
            default_days=365,
            expired=_expired_access_log,
            purge=_purge_access_log,
            describe=lambda entry: f"{entry._meta.verbose_name} #{entry.pk} ({entry.at:%Y-%m-%d})",
        )
    ]


def all_rules():
    return own_rules() + retention_rules()


def periods():
    """``{key: days}`` for every rule, creating missing rows with the rule's default."""
    rules = all_rules()
    stored = {p.key: p for p in RetentionPeriod.objects.all()}
    for rule in rules:
        if rule.key not in stored:
            stored[rule.key], _created = RetentionPeriod.objects.get_or_create(
                key=rule.key, defaults={"record_type": str(rule.record_type)[:200], "days": rule.default_days}
            )
    return {key: period.days for key, period in stored.items()}


@dataclass
class Expired:
    rule: RetentionRule
    days: int
    cutoff: datetime.datetime
    records: list


def find_expired(now=None):
    now = now or timezone.now()
    days = periods()
    found = []
    for rule in all_rules():
        cutoff = now - datetime.timedelta(days=days[rule.key])
        found.append(Expired(rule, days[rule.key], cutoff, list(rule.expired(cutoff))))
    return found


def purge(found):
    count = 0
    for group in found:
        for record in group.records:
            with transaction.atomic():
                group.rule.purge(record)
            count += 1
    return count


def policy_rows():
    """What the privacy page lists: record type, what is collected, why, how long, who sees it."""
    days = periods()
    return [
        {
            "record_type": rule.record_type,
            "collected": rule.collected,
            "purpose": rule.purpose,
            "who_sees": rule.who_sees,
            "days": days[rule.key],
            "after": rule.after,
        }
        for rule in all_rules()
    ]
