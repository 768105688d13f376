"""Starter data of the licence flow: the requirement checklist of SOP 001.

Step 1 of the SOP asks for "Persyaratan Izin Penyelenggaraan Kursus dan Pelatihan"; the SOP
library lists those documents (``sops/data/001-….yaml``), and every one becomes a line of
the checklist the application form is built from. Without it an application could be sent
with no document at all. Items that exist (by name) are left as staff edited them.
"""

from licensing.models import RequirementItem
from licensing.procedure import CODE
from sops import library


def checklist_documents():
    entry = library.for_procedure(CODE)
    return entry.required_documents() if entry else []


def ensure_checklist():
    """Create the missing checklist items; returns every item of the library's list, in order."""
    items = []
    for order, document in enumerate(checklist_documents(), start=1):
        item, _created = RequirementItem.objects.get_or_create(
            name=document.name,
            defaults={
                "description": document.description,
                "required": document.required,
                "accepted_types": document.accepts,
                "sort_order": order,
            },
        )
        items.append(item)
    return items


def load(setup):
    before = RequirementItem.objects.count()
    items = ensure_checklist()
    setup.report(f"licence requirement checklist: {len(items)} items ({RequirementItem.objects.count() - before} new)")
