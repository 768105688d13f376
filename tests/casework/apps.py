from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    """A tests-only app: one small case model on its own procedure, so the core is tested on its own."""

    name = "tests.casework"
    label = "casework"
    verbose_name = "Casework (tests only)"
