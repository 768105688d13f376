"""The access log: one call per view, download or export, one row per person concerned."""

import logging
import uuid

from privacy.models import AccessLog

logger = logging.getLogger("privacy.access")


def _actor_label(actor):
    if actor is None or not getattr(actor, "is_authenticated", False):
        return ""
    return (actor.get_full_name() or actor.email)[:200]


def record(actor, action, what, people=(), *, reason="", full_data=False):
    """Record an access. ``people``: ``(key, label, user_or_None)`` for each person concerned.

    The log line names the record reference only, never a NIK, phone or address.
    """
    batch = uuid.uuid4().hex
    people = list(people) or [("", "", None)]
    rows = [
        AccessLog(
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            actor_label=_actor_label(actor),
            action=action,
            what=str(what)[:255],
            person_key=key,
            person_label=str(label)[:200],
            person_user=user,
            reason=(reason or "")[:255],
            full_data=full_data,
            batch=batch,
        )
        for key, label, user in people
    ]
    AccessLog.objects.bulk_create(rows)
    logger.info(
        "access %s by user %s: %s (%d people, full=%s)",
        action,
        getattr(actor, "pk", None),
        what,
        len(rows),
        full_data,
    )
    return rows


def may_export_full(user):
    return bool(user and user.is_authenticated and user.has_perm("privacy.export_full_personal_data"))


def person(label, user=None, email=""):
    """The ``(key, label, user)`` of a person for :func:`record`: by account, else by email address.

    One key per person whatever the record, so the superuser's filter finds every access to them.
    """
    if user is not None and getattr(user, "pk", None):
        return (f"user:{user.pk}", label, user)
    if email:
        return (f"email:{email.strip().lower()}", label, None)
    return ("", label, None)
