"""Adopt SOPs of the library as the office's own from the command line (see the SOP library screen).

manage.py adopt_sop --list
manage.py adopt_sop permintaan-narasumber --number "188/416/KEP/429.110/2026" --date-effective 2026-02-02
manage.py adopt_sop --all
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from sops import adoption, library

HEADER_OPTIONS = {
    "issuer": "issuer",
    "number": "sop_number",
    "approver_title": "approver_title",
    "approver_name": "approver_name",
    "approver_rank": "approver_rank",
    "approver_nip": "approver_nip",
}


def iso_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD).") from error


class Command(BaseCommand):
    help = "Adopt SOPs of the SOP library as the office's own: create or update their published SOP pages."

    def add_arguments(self, parser):
        parser.add_argument("keys", nargs="*", help="Library keys (see --list).")
        parser.add_argument("--list", action="store_true", help="List the library and what is adopted.")
        parser.add_argument("--all", action="store_true", help="Adopt every SOP of the library.")
        parser.add_argument("--issuer", help="Office and unit as your SOPs print it (default: Office identity).")
        parser.add_argument("--number", help="Your SOP number (only with one key).")
        for name in ("date_made", "date_revised", "date_effective"):
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, type=iso_date)
        for name in ("approver_title", "approver_name", "approver_rank", "approver_nip"):
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name)
        parser.add_argument(
            "--legal-basis", action="append", default=[], help="Your own regulation (repeatable), for new content."
        )
        parser.add_argument(
            "--replace-content", action="store_true", help="Reset steps and texts to the library's version."
        )

    def handle(self, *args, keys, **options):
        if options["list"]:
            return self.list()
        if options["all"]:
            keys = [entry.key for entry in library.entries()]
        if not keys:
            raise CommandError("Name the SOPs to adopt (see --list) or use --all.")
        if options["number"] and len(keys) > 1:
            raise CommandError("--number gives one SOP its number: adopt one SOP at a time.")
        unknown = [key for key in keys if key not in {entry.key for entry in library.entries()}]
        if unknown:
            raise CommandError(f"Not in the SOP library: {', '.join(unknown)} (see --list).")
        for key in keys:
            entry = library.get(key)
            result = adoption.adopt(entry, self.header(entry, options), replace_content=options["replace_content"])
            state = "created" if result.created else "updated" if result.changed else "unchanged"
            self.stdout.write(f"{entry.key}: {state} – {result.page.url or result.page.url_path}")
            for note in result.notes:
                self.stdout.write(f"  {note}")

    @staticmethod
    def header(entry, options):
        page = adoption.adopted_page(entry.key)
        if page is None:
            values = adoption.office_adoption().header()
        else:
            values = {name: getattr(page, name) for name in adoption.Adoption.HEADER}
        for option, name in HEADER_OPTIONS.items():
            if options.get(option) is not None:
                values[name] = options[option]
        for name in ("date_made", "date_revised", "date_effective"):
            if options.get(name) is not None:
                values[name] = options[name]
        values["approver_nip"] = adoption.format_nip(values["approver_nip"])
        return adoption.Adoption(extra_legal_basis=options["legal_basis"], **values)

    def list(self):
        pages = adoption.adopted_pages()
        for entry in library.entries():
            page = pages.get(entry.key)
            adopted = f"adopted as {page.sop_number or '(no number)'}" if page else "not adopted"
            service = f" [{entry.procedure}]" if entry.procedure else ""
            self.stdout.write(f"{entry.key}{service}: {entry.title} – {adopted}")
