"""makemessages that files each app's strings into that app's own catalogue.

Templates live in the top-level ``templates/<app>/`` folder (one place for every
template), but their strings belong to the app: this sends ``templates/<app>/…`` to
``<app>/locale/`` when the app has one, and everything else to the project ``locale/``.
``--app NAME`` limits a run to one app's files, so several people can work on different
apps' catalogues at once.
"""

import os

from django.conf import settings
from django.core.management.commands import makemessages


class Command(makemessages.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--app", help="Only extract the strings of this app (and templates/<app>/).")

    def handle(self, *args, **options):
        self.only_app = options.pop("app", None)
        options.setdefault("ignore_patterns", [])
        options["ignore_patterns"] = list(options["ignore_patterns"]) + [
            ".venv/*",
            "node_modules/*",
            "staticfiles/*",
            "media/*",
            "private/*",
            "tests/*",
            "bench/*",
        ]
        return super().handle(*args, **options)

    def find_files(self, root):
        files = super().find_files(root)
        base = os.path.abspath(settings.BASE_DIR)
        templates_root = os.path.join(base, "templates")
        kept = []
        for translatable in files:
            dirpath = os.path.abspath(translatable.dirpath)
            rel = os.path.relpath(dirpath, base)
            top = rel.split(os.sep)[0]
            app = top
            if dirpath.startswith(templates_root + os.sep):
                app = os.path.relpath(dirpath, templates_root).split(os.sep)[0]
                app_locale = os.path.join(base, app, "locale")
                if os.path.isdir(app_locale):
                    translatable.locale_dir = app_locale
            if self.only_app and app != self.only_app:
                continue
            kept.append(translatable)
        return kept
