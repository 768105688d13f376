"""Spreadsheet cells that cannot run as formulas when an officer opens the export (the portal's one rule)."""

from portal.spreadsheets import FORMULA_PREFIXES, formula_safe

__all__ = ["FORMULA_PREFIXES", "formula_safe"]
