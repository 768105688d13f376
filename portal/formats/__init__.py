"""Project format modules (``FORMAT_MODULE_PATH``): Django's locale formats plus the admin's.

The Wagtail admin writes every date and time with one project-wide pattern
(``WAGTAIL_DATE_FORMAT``, ``WAGTAIL_DATETIME_FORMAT``, ``WAGTAIL_TIME_FORMAT`` in settings:
``01-11-2026 21:24``), in every language. Django parses what the editor sends back with the
*language's* input formats, and Indonesian writes times with a dot (``21.24``) while English
writes dates month first: without these modules the admin rejects its own prefilled values.
Each language keeps Django's own input formats and gains the admin's patterns, so both what
people type by hand and what the date picker writes are accepted.
"""

ADMIN_DATE_INPUT_FORMATS = ["%d-%m-%Y"]
ADMIN_TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
ADMIN_DATETIME_INPUT_FORMATS = ["%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S"]


def extend(formats, extra):
    """Django's formats first (they decide how a form writes a value), then the admin's."""
    return [*formats, *(item for item in extra if item not in formats)]
