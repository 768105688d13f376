"""Helpers for the apps' ``PersonalDataSource``: a case as readable data and its files, erasing a file."""

import os

from django.utils import timezone


def case_record(case, user=None):
    """A case as the person sees it: number, procedure, step, dates, the staff summary (unmasked: it is theirs)."""
    return {
        "tracking_number": case.tracking_number,
        "procedure": str(case.procedure.name),
        "step": str(case.state_label),
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "details": {str(label): str(value) for label, value in case.admin_summary_for(user)},
        "history": [
            {"when": event.created_at, "action": str(event.transition_label), "to": str(event.to_label)}
            for event in case.events()
        ],
    }


def case_files(case, prefix):
    """``(name, FieldFile)`` of the case's private files (uploads, attachments, letters)."""
    files = []
    for _label, key in case.private_files():
        fieldfile = case.get_private_file(key)
        if fieldfile:
            files.append((f"{prefix}/{key}-{os.path.basename(fieldfile.name)}", fieldfile))
    return files


def delete_file(instance, field_name):
    """Remove the file from storage (not only the link) and clear the field; True when there was one."""
    fieldfile = getattr(instance, field_name)
    if not fieldfile:
        return False
    fieldfile.delete(save=False)
    setattr(instance, field_name, "")
    return True


def now():
    return timezone.now()
