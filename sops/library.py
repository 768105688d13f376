"""The SOP library: the SOPs the portal ships as data files (``sops/data/*.yaml``).

Each file transcribes one source SOP (number, header, legal basis, steps with actor,
requirements, standard time and output). An office adopts an entry as its own through
:mod:`sops.adoption`; the library itself is never published. The loader is strict: an
unknown or missing field, a time it cannot read or a step out of order stops it with
the file's name, so a typo in a data file fails the test suite instead of a page.

    entry = library.get("permintaan-narasumber")
    entry.steps[2].actors   -> ("Eselon/Fungsional Khusus",)
    library.for_procedure("course_licence").key -> "izin-penyelenggaraan-kursus-dan-pelatihan"
"""

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from sops import durations

DATA_DIR = Path(__file__).resolve().parent / "data"

UNIT_WORDS = {
    "menit": durations.MINUTES,
    "jam": durations.HOURS,
    "hari": durations.DAYS,
    "hari kerja": durations.WORKING_DAYS,
}
TIME_PATTERN = re.compile(r"^(\d+(?:[.,]\d+)?)(?:\s*-\s*(\d+(?:[.,]\d+)?))?\s+(menit|jam|hari kerja|hari)$")
ACCEPTS = ("documents", "pdf", "images")

FILE_FIELDS = {
    "key",
    "title",
    "procedure",
    "source",
    "legal_basis",
    "qualifications",
    "related_sops",
    "equipment",
    "warning",
    "records",
    "steps",
}
REQUIRED_FILE_FIELDS = {"key", "title", "source", "steps"}
SOURCE_FIELDS = {
    "file",
    "office",
    "number",
    "date_made",
    "date_revised",
    "date_effective",
    "approved_by",
    "stated_total",
    "notes",
}
STEP_FIELDS = {
    "number",
    "label",
    "activity",
    "actor",
    "requirements",
    "quality_standard",
    "time",
    "per",
    "printed_time",
    "output",
    "note",
    "staff_note",
    "documents",
}
REQUIRED_STEP_FIELDS = {"number", "activity", "actor", "time"}
DOCUMENT_FIELDS = {"name", "description", "required", "accepts"}


class LibraryError(ValueError):
    """A data file of the library is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Source:
    """The printed document an entry was transcribed from. Staff only: never published."""

    file: str = ""
    office: str = ""
    number: str = ""
    date_made: str = ""
    date_revised: str = ""
    date_effective: str = ""
    approved_by: str = ""
    stated_total: str = ""
    notes: tuple = ()


@dataclass(frozen=True)
class LegalItem:
    text: str
    #: Binds only the source office (its region's regulations): left out when an office adopts the SOP.
    source_only: bool = False


@dataclass(frozen=True)
class RelatedSOP:
    title: str
    key: str = ""


@dataclass(frozen=True)
class RequiredDocument:
    """One document a step's requirement consists of (e.g. the licence checklist of SOP 001, step 1)."""

    name: str
    description: str = ""
    required: bool = True
    accepts: str = "documents"


@dataclass(frozen=True)
class LibraryStep:
    number: int
    label: str
    activity: str
    actors: tuple
    requirements: str
    quality_standard: str
    time_value: Decimal
    time_value_max: Decimal | None
    time_unit: str
    per_unit: str
    printed_time: str
    output: str
    note: str
    staff_note: str
    documents: tuple

    @property
    def display_label(self):
        return self.label or str(self.number)

    @property
    def actor(self):
        """The actors as the SOP page stores them (semicolon-separated)."""
        return "; ".join(self.actors)

    @property
    def time_range(self):
        return durations.step_range(self.time_value, self.time_value_max, self.time_unit)


@dataclass(frozen=True)
class LibrarySOP:
    key: str
    title: str
    procedure: str
    source: Source
    legal_basis: tuple
    qualifications: tuple
    related_sops: tuple
    equipment: tuple
    warning: str
    records: str
    steps: tuple
    path: Path

    def __str__(self):
        return self.title

    @property
    def adoptable_legal_basis(self):
        """The legal basis an adopting office takes over (without the source's own regional rules)."""
        return [item.text for item in self.legal_basis if not item.source_only]

    def step(self, label):
        for step in self.steps:
            if step.display_label == str(label):
                return step
        return None

    def step_labels(self):
        return [step.display_label for step in self.steps]

    def total_range(self):
        return durations.total_range((step.time_value, step.time_value_max, step.time_unit) for step in self.steps)

    def required_documents(self):
        return [document for step in self.steps for document in step.documents]

    def staff_notes(self):
        """What staff should know about the source: its header, its quirks, what was completed or left out.

        Written into the adopted page's staff-only field; in Indonesian, as the data files are.
        """
        source = self.source
        lines = [f"Diadopsi dari pustaka SOP: {self.path.name} (sumber: {source.file or '-'})."]
        header = [
            ("Kantor sumber", source.office),
            ("Nomor SOP sumber", source.number),
            ("Tanggal pembuatan", source.date_made),
            ("Tanggal revisi", source.date_revised),
            ("Tanggal efektif", source.date_effective),
            ("Disahkan oleh", source.approved_by),
            ("Jumlah waktu tercetak", source.stated_total),
        ]
        lines += [f"{label}: {value}" for label, value in header if value]
        if source.notes:
            lines.append("")
            lines.append("Catatan sumber:")
            lines += [f"- {note}" for note in source.notes]
        left_out = [item.text for item in self.legal_basis if item.source_only]
        if left_out:
            lines.append("")
            lines.append("Dasar hukum sumber yang tidak ikut diadopsi:")
            lines += [f"- {text}" for text in left_out]
        step_notes = [(step.display_label, step.staff_note) for step in self.steps if step.staff_note]
        if step_notes:
            lines.append("")
            lines.append("Catatan per langkah:")
            lines += [f"- Langkah {label}: {note}" for label, note in step_notes]
        return "\n".join(lines)


# --- parsing -----------------------------------------------------------------------------


def _fail(path, message):
    raise LibraryError(f"{path.name}: {message}")


def _check_fields(path, where, data, allowed, required=()):
    if not isinstance(data, dict):
        _fail(path, f"{where} must be a mapping")
    unknown = sorted(set(data) - allowed)
    if unknown:
        _fail(path, f"{where} has unknown field(s) {', '.join(unknown)}")
    missing = sorted(name for name in required if data.get(name) in (None, ""))
    if missing:
        _fail(path, f"{where} misses {', '.join(missing)}")


def _text(value):
    return " ".join(str(value).split()) if value is not None else ""


def _block(value):
    """Multi-line text keeps its lines; each line's spacing is tidied."""
    if value is None:
        return ""
    return "\n".join(" ".join(line.split()) for line in str(value).strip().splitlines())


def _texts(path, where, values):
    if values is None:
        return ()
    if not isinstance(values, list):
        _fail(path, f"{where} must be a list")
    return tuple(_text(value) for value in values)


def parse_time(text):
    """``"5-10 menit"`` -> ``(Decimal(5), Decimal(10), "minutes")``; None when it is not a time."""
    match = TIME_PATTERN.match(" ".join(str(text).lower().split()))
    if not match:
        return None
    low = Decimal(match.group(1).replace(",", "."))
    high = Decimal(match.group(2).replace(",", ".")) if match.group(2) else None
    if low <= 0 or (high is not None and high <= low):
        return None
    return low, high, UNIT_WORDS[match.group(3)]


def _step(path, position, data):
    where = f"step {position}"
    _check_fields(path, where, data, STEP_FIELDS, REQUIRED_STEP_FIELDS)
    if data["number"] != position:
        _fail(path, f"{where} is numbered {data['number']!r}; number the steps 1, 2, 3 … in order")
    actors = data["actor"] if isinstance(data["actor"], list) else [data["actor"]]
    actors = tuple(_text(actor) for actor in actors if _text(actor))
    if not actors or any(";" in actor for actor in actors):
        _fail(path, f"{where} needs its actor(s) as a name or a list of names")
    time = parse_time(data["time"])
    if time is None:
        _fail(path, f"{where} has a time it cannot read: {data['time']!r} (e.g. '10 menit', '5-10 menit', '4 hari')")
    documents = []
    for index, document in enumerate(data.get("documents") or [], start=1):
        _check_fields(path, f"{where} document {index}", document, DOCUMENT_FIELDS, {"name"})
        accepts = document.get("accepts", "documents")
        if accepts not in ACCEPTS:
            _fail(path, f"{where} document {index} accepts {accepts!r}; use one of {', '.join(ACCEPTS)}")
        documents.append(
            RequiredDocument(
                name=_text(document["name"]),
                description=_text(document.get("description")),
                required=bool(document.get("required", True)),
                accepts=accepts,
            )
        )
    return LibraryStep(
        number=position,
        label=_text(data.get("label")),
        activity=_text(data["activity"]),
        actors=actors,
        requirements=_text(data.get("requirements")),
        quality_standard=_text(data.get("quality_standard")),
        time_value=time[0],
        time_value_max=time[1],
        time_unit=time[2],
        per_unit=_text(data.get("per")),
        printed_time=_text(data.get("printed_time")),
        output=_text(data.get("output")),
        note=_text(data.get("note")),
        staff_note=_text(data.get("staff_note")),
        documents=tuple(documents),
    )


def parse_file(path):
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        _fail(path, f"is not valid YAML: {error}")
    _check_fields(path, "the file", data, FILE_FIELDS, REQUIRED_FILE_FIELDS)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(data["key"])):
        _fail(path, f"key {data['key']!r} must be a slug (lower-case words joined by hyphens)")
    source = data["source"]
    _check_fields(path, "source", source, SOURCE_FIELDS)
    legal_basis = []
    for item in data.get("legal_basis") or []:
        if isinstance(item, dict):
            _check_fields(path, "a legal basis item", item, {"text", "source_only"}, {"text"})
            legal_basis.append(LegalItem(_text(item["text"]), bool(item.get("source_only"))))
        else:
            legal_basis.append(LegalItem(_text(item)))
    related = []
    for item in data.get("related_sops") or []:
        _check_fields(path, "a related SOP", item, {"title", "key"}, {"title"})
        related.append(RelatedSOP(_text(item["title"]), _text(item.get("key"))))
    steps = data["steps"]
    if not isinstance(steps, list) or not steps:
        _fail(path, "needs at least one step")
    steps = tuple(_step(path, position, step) for position, step in enumerate(steps, start=1))
    procedure = _text(data.get("procedure"))
    labels = [step.display_label for step in steps]
    if procedure and len(set(labels)) != len(labels):
        _fail(path, "a tracked service needs distinct step numbers (labels)")
    return LibrarySOP(
        key=data["key"],
        title=_text(data["title"]),
        procedure=procedure,
        source=Source(
            **{name: _text(source.get(name)) for name in SOURCE_FIELDS - {"notes"}},
            notes=_texts(path, "source notes", source.get("notes")),
        ),
        legal_basis=tuple(legal_basis),
        qualifications=_texts(path, "qualifications", data.get("qualifications")),
        related_sops=tuple(related),
        equipment=_texts(path, "equipment", data.get("equipment")),
        warning=_block(data.get("warning")),
        records=_block(data.get("records")),
        steps=steps,
        path=path,
    )


@functools.cache
def load(directory=DATA_DIR):
    """Every entry of the library, in file-name order, checked across files (unique keys, related keys exist)."""
    entries = [parse_file(path) for path in sorted(Path(directory).glob("*.yaml"))]
    keys = {}
    procedures = {}
    for entry in entries:
        if entry.key in keys:
            _fail(entry.path, f"key {entry.key!r} is also used by {keys[entry.key].path.name}")
        keys[entry.key] = entry
        if entry.procedure:
            if entry.procedure in procedures:
                _fail(entry.path, f"procedure {entry.procedure!r} is also followed by {procedures[entry.procedure]}")
            procedures[entry.procedure] = entry.path.name
    for entry in entries:
        for related in entry.related_sops:
            if related.key and related.key not in keys:
                _fail(entry.path, f"related SOP {related.title!r} names an unknown key {related.key!r}")
    return tuple(entries)


def entries():
    return list(load())


def get(key):
    """One entry by key; KeyError when the library has none."""
    for entry in load():
        if entry.key == key:
            return entry
    raise KeyError(key)


def for_procedure(code):
    """The entry a tracked service follows, or None."""
    for entry in load():
        if code and entry.procedure == code:
            return entry
    return None
