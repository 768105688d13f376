"""makemessages that files each app's strings into that app's own catalogue.

Templates live in the top-level ``templates/<app>/`` folder (one place for every
template), but their strings belong to the app: this sends ``templates/<app>/…`` to
``<app>/locale/`` when the app has one. Everything shared — ``portal/`` itself and the
templates outside an app folder (``base.html``, ``components/``, ``blocks/``, the error
pages, the ``allauth/`` and ``account/`` overrides) — belongs to ``portal`` and goes to the
project ``locale/``.

``--app NAME`` limits a run to one app's files, so several people can work on different
apps' catalogues at once. An app without its own ``locale/`` directory is refused, since
its strings would otherwise overwrite the project catalogue.
"""

import os

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import makemessages

SHARED_OWNER = "portal"


class Command(makemessages.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--app",
            help="Only extract the strings of this app (and templates/<app>/); "
            "'portal' also takes the shared templates.",
        )

    def handle(self, *args, **options):
        self.base = os.path.abspath(settings.BASE_DIR)
        self.project_apps = {
            config.label
            for config in apps.get_app_configs()
            if os.path.abspath(config.path).startswith(self.base + os.sep)
            and not os.path.abspath(config.path).startswith(os.path.join(self.base, ".venv") + os.sep)
        }
        self.only_app = options.pop("app", None)
        if self.only_app:
            if self.only_app not in self.project_apps:
                raise CommandError(f"'{self.only_app}' is not one of this project's apps.")
            if self.only_app != SHARED_OWNER and not os.path.isdir(self.app_locale(self.only_app)):
                raise CommandError(
                    f"Create {self.only_app}/locale/id/LC_MESSAGES/ first, so the strings of "
                    f"'{self.only_app}' do not land in the project catalogue."
                )
        options["ignore_patterns"] = list(options.get("ignore_patterns") or []) + [
            ".venv/*",
            "node_modules/*",
            "staticfiles/*",
            "media/*",
            "private/*",
            "tests/*",
            "bench/*",
        ]
        return super().handle(*args, **options)

    def app_locale(self, app):
        return os.path.join(self.base, app, "locale")

    def owner(self, dirpath):
        """The app whose catalogue a file's strings belong to."""
        rel = os.path.relpath(dirpath, self.base).split(os.sep)
        if rel[0] == "templates":
            rel = rel[1:]
        top = rel[0] if rel and rel[0] != "." else ""
        return top if top in self.project_apps else SHARED_OWNER

    def find_files(self, root):
        files = super().find_files(root)
        shared_locale = os.path.abspath(settings.LOCALE_PATHS[0])
        kept = []
        for translatable in files:
            app = self.owner(os.path.abspath(translatable.dirpath))
            if self.only_app and app != self.only_app:
                continue
            app_locale = self.app_locale(app)
            if app != SHARED_OWNER and os.path.isdir(app_locale):
                translatable.locale_dir = app_locale
            else:
                translatable.locale_dir = shared_locale
            kept.append(translatable)
        return kept
