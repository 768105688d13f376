"""Starter data: what a new installation needs before its first visitor (``manage.py setup_portal``).

The command sets the office identity, then runs every app's ``register_starter_data`` loader
(site tree, SOP adoption, checklists, standard modules, holidays). Loaders look each record
up before creating it and never overwrite what staff changed, so the command can run again
after an upgrade. The demo (``load_demo``) builds on top of this data.
"""

import os
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import find_available_slug
from wagtail.models import Site

#: (field of Settings → Office identity, environment variable, prompt)
OFFICE_FIELDS = [
    ("office_name", "PORTAL_OFFICE_NAME", _("Office name (e.g. Dinas Pendidikan Kabupaten …)")),
    ("government_name", "PORTAL_GOVERNMENT_NAME", _("Government, first line of the letterhead")),
    ("unit_name", "PORTAL_UNIT_NAME", _("Unit running the portal")),
    ("office_code", "PORTAL_OFFICE_CODE", _("Short office code for letter numbers")),
    ("city", "PORTAL_OFFICE_CITY", _("City (place of signing)")),
    ("address", "PORTAL_OFFICE_ADDRESS", _("Address")),
    ("phone", "PORTAL_OFFICE_PHONE", _("Phone")),
    ("email", "PORTAL_OFFICE_EMAIL", _("Email")),
    ("website", "PORTAL_OFFICE_WEBSITE", _("Website")),
    ("head_name", "PORTAL_HEAD_NAME", _("Head of office, name with degrees")),
    ("head_title", "PORTAL_HEAD_TITLE", _("Head of office, position")),
    ("head_rank", "PORTAL_HEAD_RANK", _("Head of office, rank")),
    ("head_nip", "PORTAL_HEAD_NIP", _("Head of office, NIP (18 digits)")),
]


@dataclass
class Setup:
    """What the starter loaders get: the command's options and a way to report what they did."""

    stdout: object
    all_sops: bool = False
    holiday_years: list = field(default_factory=list)
    lines: list = field(default_factory=list)

    def report(self, message):
        self.lines.append(str(message))
        if self.stdout is not None:
            self.stdout.write(f"  {message}")


def default_site():
    return Site.objects.get(is_default_site=True)


def home_page():
    return default_site().root_page.specific


def default_holiday_years(today=None):
    """This year and the next, in the office's time zone."""
    year = (today or timezone.localdate()).year
    return [year, year + 1]


def ensure_child(parent, model, slug, unique_type=False, **fields):
    """The child page of ``model`` at ``slug`` under ``parent``, created and published if missing: ``(page, created)``.

    With ``unique_type`` (index pages: one catalogue, one trainer directory), any child of that
    type counts, so an office's renamed or re-slugged page is never duplicated.
    """
    pages = model.objects.child_of(parent)
    page = pages.filter(slug=slug).first() or (pages.first() if unique_type else None)
    if page is not None:
        return page, False
    page = model(slug=find_available_slug(parent, slug), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


# --- office identity ---------------------------------------------------------------------


def office_settings(site=None):
    from portal.models import OfficeSettings

    return OfficeSettings.for_site(site or default_site())


def office_from_environment(environ=None):
    environ = os.environ if environ is None else environ
    return {name: environ[variable] for name, variable, _prompt in OFFICE_FIELDS if environ.get(variable)}


def needs_office_name(office):
    """True until the office has named itself: the model's default name and no head of office yet."""
    default = type(office)._meta.get_field("office_name").default
    return office.office_name == default and not office.head_name


def clean_office_value(name, value):
    """Validate one value as the admin form would; raises ValidationError with the field's message."""
    from portal.models import OfficeSettings

    model_field = OfficeSettings._meta.get_field(name)
    value = (value or "").strip()
    if name == "head_nip":
        value = value.replace(" ", "")
    if not value and model_field.blank:
        return ""
    return model_field.clean(value, None)


def apply_office(values, site=None):
    """Store the given identity fields (already cleaned); returns the names that changed."""
    office = office_settings(site)
    changed = [name for name, value in values.items() if getattr(office, name) != value]
    for name in changed:
        setattr(office, name, values[name])
    if changed:
        office.save()
    sync_head_official(office)
    return changed


def sync_head_official(office):
    from portal.models import sync_head_official as sync

    return sync(office)
