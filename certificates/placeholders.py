"""Placeholders in certificate body text: validated on save, filled with escaped values.

The body is staff-written plain text. It is never treated as HTML or as a Python format
string: a single regular-expression pass replaces the known ``{name}`` tokens, and every
piece (literal text and values) is escaped, so a participant called ``{course_title}`` or
``<b>x</b>`` is printed literally.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = {
    "participant_name": _("the participant's name as printed"),
    "course_title": _("the class title"),
    "start_date": _("the first day of the class"),
    "end_date": _("the last day of the class"),
    "hours": _("the total hours of the class"),
    "category": _("the class category"),
    "grade": _("the participant's grade"),
    "cohort": _("the cohort (angkatan)"),
    "score": _("the participant's final score"),
}

NUMBER_PLACEHOLDERS = {"seq", "office_code", "roman_month", "month", "year"}

TOKEN = re.compile(r"\{([^{}]*)\}")


def placeholder_help():
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def validate_body(text):
    """Raise ``ValidationError`` listing unknown placeholders and unbalanced braces."""
    unknown = sorted({name for name in TOKEN.findall(text or "") if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Unknown placeholder(s): %(names)s. Available: %(available)s."),
            params={"names": ", ".join(f"{{{n}}}" for n in unknown), "available": placeholder_help()},
            code="unknown_placeholder",
        )
    stripped = TOKEN.sub("", text or "")
    if "{" in stripped or "}" in stripped:
        raise ValidationError(
            _("A brace { or } is not part of a placeholder. Placeholders look like {participant_name}."),
            code="stray_brace",
        )


def validate_number_pattern(pattern):
    """A number pattern must contain ``{seq...}`` and only the known fields, and must format."""
    from procedures.numbering import format_number

    names = set()
    for match in re.finditer(r"\{([a-z_]+)(?::[^{}]*)?\}", pattern or ""):
        names.add(match.group(1))
    unknown = names - NUMBER_PLACEHOLDERS
    if unknown:
        raise ValidationError(
            _("Unknown field(s) in the number pattern: %(names)s."),
            params={"names": ", ".join(sorted(unknown))},
        )
    if "seq" not in names:
        raise ValidationError(_("The number pattern must contain {seq}, for example {seq:03d}."))
    import datetime

    try:
        format_number(pattern, 1, datetime.date(2026, 1, 1), office_code="X")
    except (ValueError, KeyError, IndexError):
        raise ValidationError(_("The number pattern cannot be formatted. Check the braces and formats.")) from None


def fill(text, values):
    """HTML with the placeholders replaced by bold, escaped values; line breaks kept."""
    parts = []
    position = 0
    for match in TOKEN.finditer(text or ""):
        parts.append(escape(text[position : match.start()]))
        name = match.group(1)
        if name in values:
            parts.append(format_html("<b>{}</b>", values[name] if values[name] not in (None, "") else "–"))
        else:
            parts.append(escape(match.group(0)))
        position = match.end()
    parts.append(escape((text or "")[position:]))
    html = "".join(str(part) for part in parts)
    paragraphs = [p.strip() for p in html.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return mark_safe("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S308 - every piece escaped above
