"""Download my data: one ZIP with a readable JSON of everything held about the person and their files.

Each app contributes through ``portal.hooks.register_personal_data`` (only the person's own
records and files); this module adds the account itself, the consent history and the access log
entries about the person, and records the download.
"""

import datetime
import io
import json
import os
import zipfile
from decimal import Decimal

from django.utils import timezone

from portal.hooks import personal_data_sources
from privacy.models import AccessLog, ConsentRecord


def _default(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def account_data(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": getattr(user, "phone", ""),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def collect(user):
    """``(data, files)``: the JSON-able data and ``(zip name, FieldFile or bytes)`` pairs of the person's files."""
    data = {
        "generated_at": timezone.now(),
        "account": account_data(user),
        "consents": [
            {"notice_version": c.notice_version, "given_at": c.given_at, "where": c.source}
            for c in ConsentRecord.objects.filter(user=user).order_by("given_at")
        ],
        "accesses_to_my_data": [
            {"when": log.at, "action": log.get_action_display(), "what": log.what}
            for log in AccessLog.objects.filter(person_user=user).exclude(actor=user).order_by("at")
        ],
    }
    files = []
    for source in personal_data_sources():
        records, source_files = source.export(user)
        if not records and not source_files:
            continue
        data[source.key] = records
        for name, fieldfile in source_files:
            files.append((f"{source.key}/{name}", fieldfile))
    return data, files


def build_zip(user):
    data, files = collect(user)
    buffer = io.BytesIO()
    names = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, fieldfile in files:
            name = _unique(name, names)
            if isinstance(fieldfile, bytes):  # rendered on demand (a certificate PDF)
                archive.writestr(name, fieldfile)
                continue
            try:
                with fieldfile.open("rb") as handle:
                    archive.writestr(name, handle.read())
            except (FileNotFoundError, OSError, ValueError):
                continue
        archive.writestr(
            "data-saya.json", json.dumps(data, default=_default, ensure_ascii=False, indent=2, sort_keys=False)
        )
    return buffer.getvalue()


def _unique(name, names):
    base, ext = os.path.splitext(name)
    candidate, number = name, 1
    while candidate in names:
        number += 1
        candidate = f"{base}-{number}{ext}"
    names.add(candidate)
    return candidate
