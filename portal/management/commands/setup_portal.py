"""Prepare a new installation: office identity, site tree, SOPs and reference data (idempotent).

Run once after ``migrate`` (and again after an upgrade: nothing staff changed is overwritten).
The office identity comes from the options, else the ``PORTAL_*`` environment variables,
else prompts; ``--no-input`` never prompts (CI, scripts).
"""

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail import hooks

from portal import starter
from portal.hooks import STARTER_DATA


class Command(BaseCommand):
    help = (
        "Prepare a new installation once: office identity, site tree, the SOPs of the services, the licence "
        "checklist, standard trainer modules and national holidays. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Never prompt; take the office identity from options and PORTAL_* environment variables.",
        )
        for name, variable, _prompt in starter.OFFICE_FIELDS:
            parser.add_argument(
                f"--{name.replace('_', '-')}", dest=name, help=f"Office identity: {name} (or {variable})."
            )
        parser.add_argument(
            "--all-sops",
            action="store_true",
            help="Adopt every SOP of the library, not only those the portal's services follow.",
        )
        parser.add_argument(
            "--holiday-year",
            dest="holiday_years",
            type=int,
            action="append",
            help="Load Indonesia's national holidays of this year (repeatable; default: this year and the next).",
        )

    def handle(self, *args, **options):
        interactive = options["interactive"]
        with transaction.atomic():
            self.setup_office(options, interactive)
        # A signing certificate for the office when none is configured (a demo one: the README's
        # Deployment section says how to use the certificate of a real certification authority).
        call_command("make_signing_certificate", stdout=self.stdout)
        setup = starter.Setup(
            stdout=self.stdout,
            all_sops=options["all_sops"],
            holiday_years=options["holiday_years"] or starter.default_holiday_years(),
        )
        for loader in hooks.get_hooks(STARTER_DATA):
            self.stdout.write(f"- {loader.__module__}.{loader.__name__}")
            with transaction.atomic():
                loader(setup)
        self.stdout.write(self.style.SUCCESS(_("The portal is set up.")))

    # --- office identity -------------------------------------------------------------------

    def setup_office(self, options, interactive):
        office = starter.office_settings()
        given = starter.office_from_environment()
        given.update({name: options[name] for name, _var, _prompt in starter.OFFICE_FIELDS if options.get(name)})
        values = {}
        for name, value in given.items():
            try:
                values[name] = starter.clean_office_value(name, value)
            except ValidationError as error:
                raise CommandError(f"{name}: {' '.join(error.messages)}") from error
        if interactive:
            for name, _variable, prompt in starter.OFFICE_FIELDS:
                if name not in values:
                    unnamed = name == "office_name" and starter.needs_office_name(office)
                    values[name] = self.ask(name, prompt, "" if unnamed else getattr(office, name))
        elif "office_name" not in values and starter.needs_office_name(office):
            raise CommandError(_("Name the office with --office-name or the PORTAL_OFFICE_NAME environment variable."))
        changed = starter.apply_office(values)
        office = starter.office_settings()
        site = starter.default_site()
        if site.site_name != office.office_name:
            site.site_name = office.office_name
            site.save(update_fields=["site_name"])
        detail = f" ({', '.join(changed)})" if changed else ""
        self.stdout.write(f"- {_('Office identity')}: {office.office_name}{detail}")

    def ask(self, name, prompt, current):
        """Prompt until the value is valid; Enter keeps the current value."""
        while True:
            suffix = f" [{current}]" if current else ""
            answer = input(f"{prompt}{suffix}: ").strip()
            if not answer:
                if name == "office_name" and not current:
                    continue
                return current
            try:
                return starter.clean_office_value(name, answer)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
