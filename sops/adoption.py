"""Adoption: an office takes a library SOP as its own and publishes it as an SOP page.

The office gives its own number, dates, approver and unit; the steps, standard times and
the rest of the document come from the library entry (:mod:`sops.library`). Adopting
creates the page, or updates the header of the page adopted earlier. Editors may change
the page afterwards like any other page: adopting again only touches the content when
asked to (``replace_content``), and never publishes an editor's unfinished draft.

The page is the SOP the services' clocks read (``sops.standards``), so an adopted SOP
whose entry names a registered procedure is linked to it at once.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.models import Site

from sops import library
from sops.links import registered_codes
from sops.models import SOPIndexPage, SOPPage, SOPStep

INDEX_SLUG = "sop"
INDEX_TITLE = "Standar Operasional Prosedur"
INDEX_INTRODUCTION = (
    "Setiap layanan kami mengikuti SOP yang kami terbitkan: langkah, pelaksana, kelengkapan, waktu standar, dan "
    "keluaran. Waktu standar inilah yang dipakai untuk memantau permohonan Anda."
)


@dataclass
class Adoption:
    """The office's own header of an adopted SOP."""

    issuer: str
    sop_number: str = ""
    date_made: date | None = None
    date_made_month_only: bool = False
    date_revised: date | None = None
    date_effective: date | None = None
    date_effective_month_only: bool = False
    approver_title: str = ""
    approver_name: str = ""
    approver_rank: str = ""
    approver_nip: str = ""
    #: The office's own regulations, listed after the library's general legal basis (new pages, replaced content).
    extra_legal_basis: list = field(default_factory=list)

    HEADER = (
        "issuer",
        "sop_number",
        "date_made",
        "date_made_month_only",
        "date_revised",
        "date_effective",
        "date_effective_month_only",
        "approver_title",
        "approver_name",
        "approver_rank",
        "approver_nip",
    )

    def header(self):
        return {name: getattr(self, name) for name in self.HEADER}


@dataclass
class AdoptionResult:
    page: SOPPage
    created: bool = False
    changed: bool = False
    published: bool = False
    procedure_linked: str = ""
    notes: list = field(default_factory=list)


def format_nip(nip):
    """An 18-digit NIP grouped as SOP documents print it: "19730126 199201 1 001"."""
    digits = "".join(ch for ch in (nip or "") if ch.isdigit())
    if len(digits) != 18:
        return (nip or "").strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def office_issuer(office):
    """The issuer line of the office's SOPs: "Dinas … – Pusat Pelatihan"."""
    return " – ".join(part for part in (office.office_name, office.unit_name) if part)


def office_adoption(site=None, **overrides):
    """An :class:`Adoption` with the office's identity (Settings → Office identity) as issuer and approver."""
    from portal.models import OfficeSettings

    site = site or Site.objects.get(is_default_site=True)
    office = OfficeSettings.for_site(site)
    values = {
        "issuer": office_issuer(office),
        "approver_title": office.head_title,
        "approver_name": office.head_name,
        "approver_rank": office.head_rank,
        "approver_nip": format_nip(office.head_nip),
    }
    values.update(overrides)
    return Adoption(**values)


def ensure_index(home=None):
    """The SOP index (``/sop/``) under the home page, created and published when missing."""
    if home is None:
        home = Site.objects.get(is_default_site=True).root_page.specific
    index = SOPIndexPage.objects.child_of(home).first() or SOPIndexPage.objects.first()
    if index is not None:
        return index
    index = SOPIndexPage(
        title=INDEX_TITLE,
        slug=find_available_slug(home, INDEX_SLUG),
        show_in_menus=True,
        introduction=INDEX_INTRODUCTION,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def adopted_page(key):
    return SOPPage.objects.filter(library_key=key).order_by("pk").first()


def adopted_pages():
    """``{library key: page}`` of every adopted SOP (one query)."""
    pages = {}
    for page in SOPPage.objects.exclude(library_key="").order_by("pk"):
        pages.setdefault(page.library_key, page)
    return pages


# --- content from the library ------------------------------------------------------------


def _items(texts):
    return [("item", text) for text in texts if text]


def _related_blocks(entry, pages):
    blocks = []
    for related in entry.related_sops:
        page = pages.get(related.key) if related.key else None
        blocks.append(("sop", {"title": related.title, "page": page, "library_key": related.key}))
    return blocks


def _steps(entry):
    return [
        SOPStep(
            number=step.number,
            label=step.display_label,
            sort_order=step.number - 1,
            activity=step.activity,
            actor=step.actor,
            requirements=step.requirements,
            quality_standard=step.quality_standard,
            time_value=step.time_value,
            time_value_max=step.time_value_max,
            time_unit=step.time_unit,
            per_unit=step.per_unit,
            time_text=step.printed_time,
            output=step.output,
            note=step.note,
        )
        for step in entry.steps
    ]


def _apply_content(page, entry, adoption):
    pages = adopted_pages()
    page.title = entry.title
    page.legal_basis = _items(entry.adoptable_legal_basis + list(adoption.extra_legal_basis))
    page.qualifications = _items(entry.qualifications)
    page.related_sops = _related_blocks(entry, pages)
    page.equipment = _items(entry.equipment)
    page.warning = entry.warning
    page.records = entry.records
    # The adopted page is the office's own document: its total is the sum of its steps.
    page.stated_total = ""
    page.staff_notes = entry.staff_notes()
    page.steps = _steps(entry)


def _link_procedure(page, entry, result):
    """Let the service named by the entry follow this page, when it is registered and follows no other page."""
    code = entry.procedure
    if not code or page.procedure_code:
        return
    if code not in registered_codes():
        result.notes.append(
            _("The service “%(code)s” is not part of this portal yet; link it later under Promote/Settings.")
            % {"code": code}
        )
        return
    other = SOPPage.objects.filter(procedure_code=code).exclude(pk=page.pk).first()
    if other is not None:
        result.notes.append(
            _("The service “%(code)s” already follows “%(title)s”; this page is not linked to it.")
            % {"code": code, "title": other.title}
        )
        return
    page.procedure_code = code
    result.procedure_linked = code


# --- adopting ----------------------------------------------------------------------------


@transaction.atomic
def adopt(entry, adoption, *, user=None, index=None, replace_content=False, publish=True):
    """Create or update the office's SOP page for a library entry (a key or a :class:`LibrarySOP`).

    A new page is published (unless ``publish`` is False). An existing page gets the new header;
    its content (steps, legal basis, ...) is replaced by the library's only with ``replace_content``.
    When nothing changes, no revision is saved. When the page has a draft nobody published yet,
    the change is saved as a new draft instead of publishing the editor's unfinished work.
    """
    if isinstance(entry, str):
        entry = library.get(entry)
    existing = adopted_page(entry.key)
    if existing is None:
        return _create(entry, adoption, user=user, index=index, publish=publish)
    return _update(existing, entry, adoption, user=user, replace_content=replace_content, publish=publish)


def _create(entry, adoption, *, user, index, publish):
    index = index or ensure_index()
    page = SOPPage(slug=find_available_slug(index, entry.key), library_key=entry.key, **adoption.header())
    result = AdoptionResult(page=page, created=True, changed=True)
    _apply_content(page, entry, adoption)
    _link_procedure(page, entry, result)
    if user is not None:
        page.owner = user
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        result.published = True
    return result


def _update(page, entry, adoption, *, user, replace_content, publish):
    has_draft = page.has_unpublished_changes
    draft = page.get_latest_revision_as_object() if has_draft else page
    result = AdoptionResult(page=draft)
    before = _snapshot(draft)
    for name, value in adoption.header().items():
        setattr(draft, name, value)
    if replace_content:
        _apply_content(draft, entry, adoption)
    _link_procedure(draft, entry, result)
    if _snapshot(draft) == before:
        return result
    result.changed = True
    revision = draft.save_revision(user=user, log_action=True)
    if publish and not has_draft:
        revision.publish(user=user)
        result.published = True
    elif has_draft:
        result.notes.append(
            _("The page has unpublished changes, so the adoption was saved as a draft: review and publish it.")
        )
    result.page = SOPPage.objects.get(pk=page.pk)
    return result


def link_procedure(page, entry):
    """Link an adopted page to the service its entry names, when that service now exists and follows no page."""
    if isinstance(entry, str):
        entry = library.get(entry)
    has_draft = page.has_unpublished_changes
    target = page.get_latest_revision_as_object() if has_draft else page
    result = AdoptionResult(page=target)
    _link_procedure(target, entry, result)
    if result.procedure_linked:
        result.changed = True
        revision = target.save_revision(log_action=True)
        if not has_draft:
            revision.publish()
            result.published = True
        result.page = SOPPage.objects.get(pk=page.pk)
    return result


def _snapshot(page):
    """What adoption may change, in a comparable form."""
    header = {name: getattr(page, name) for name in Adoption.HEADER}
    content = {
        "title": page.title,
        "legal_basis": page.legal_basis.get_prep_value(),
        "qualifications": page.qualifications.get_prep_value(),
        "equipment": page.equipment.get_prep_value(),
        "related_sops": [block["value"] for block in page.related_sops.get_prep_value()],
        "warning": page.warning,
        "records": page.records,
        "stated_total": page.stated_total,
        "staff_notes": page.staff_notes,
        "procedure_code": page.procedure_code,
        "steps": [
            tuple(getattr(step, f.name) for f in SOPStep._meta.concrete_fields if f.name not in {"id", "page"})
            for step in page.steps.all()
        ],
    }
    for block in content["legal_basis"] + content["qualifications"] + content["equipment"]:
        block.pop("id", None)
    return header, content


def adopt_all(adoption_for, *, keys=None, user=None, replace_content=False):
    """Adopt several entries in library order; ``adoption_for(entry) -> Adoption``."""
    entries = [entry for entry in library.entries() if keys is None or entry.key in keys]
    return [adopt(entry, adoption_for(entry), user=user, replace_content=replace_content) for entry in entries]
