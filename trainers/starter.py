"""Starter data of the trainer flow: the public trainer directory (``/narasumber/``) and the
standard modules trainers are verified against (SOP Pendaftaran Narasumber, step 3), shipped as
``trainers/data/standard_modules.yaml``."""

from pathlib import Path

import yaml

from portal.starter import ensure_child, home_page
from trainers.models import StandardModule, TrainerIndexPage

MODULES_FILE = Path(__file__).resolve().parent / "data" / "standard_modules.yaml"


def standard_modules():
    """``[{code, name, description}, ...]`` of the starter set."""
    modules = yaml.safe_load(MODULES_FILE.read_text(encoding="utf-8"))
    for module in modules:
        unknown = set(module) - {"code", "name", "description"}
        if unknown or not module.get("code") or not module.get("name"):
            raise ValueError(f"{MODULES_FILE.name}: module {module!r} needs code and name only (and a description)")
    return modules


def ensure_modules():
    """Create the starter modules that are missing (by code); returns the number created."""
    created = 0
    for module in standard_modules():
        _module, is_new = StandardModule.objects.get_or_create(
            code=module["code"], defaults={"name": module["name"], "description": module.get("description", "")}
        )
        created += is_new
    return created


def load(setup):
    index, new_index = ensure_child(
        home_page(),
        TrainerIndexPage,
        "narasumber",
        unique_type=True,
        title="Narasumber",
        show_in_menus=True,
        introduction=(
            "Para narasumber dan instruktur yang mengajar di kelas-kelas kami. Cari berdasarkan keahlian atau "
            "wilayah, atau daftarkan diri Anda sebagai narasumber."
        ),
    )
    created = ensure_modules()
    setup.report(f"trainer directory {index.url} ({int(new_index)} new), {created} new standard modules")
