"""Spreadsheet cells that never run as formulas when an officer opens an export (OWASP CSV injection).

Every export of the portal escapes: text starting with ``= + - @``, a tab or a carriage return
gets a leading apostrophe. Our own exports call :func:`formula_safe`; Wagtail's list exports
(every ``ModelViewSet`` and ``SnippetViewSet`` index with ``list_export``, form submissions,
reports) all write their cells through ``SpreadsheetExportMixin.preprocess_field_value``, which
:func:`install` wraps once at start-up (``PortalConfig.ready``), so a viewset needs no base
class of its own and a new one cannot forget it. :class:`FormulaSafeExportMixin` is the same
rule for a view that builds its own export.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: cells and headings are escaped."""

    def preprocess_field_value(self, field, value, export_format):
        return formula_safe(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return formula_safe(super().get_heading(queryset, field))


def install():
    """Make Wagtail's spreadsheet export escape formulas everywhere (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "formula_safe", False):
        return
    preprocess, heading = SpreadsheetExportMixin.preprocess_field_value, SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        return formula_safe(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return formula_safe(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin.formula_safe = True
