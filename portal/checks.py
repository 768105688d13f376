"""System checks for settings that only fail later, in front of a user."""

from django.conf import settings
from django.core.checks import Error, register
from django.utils import formats


@register()
def admin_date_formats_check(app_configs, **kwargs):
    """Every language must parse what the Wagtail admin writes into its date and time inputs.

    Wagtail ships the same check but runs it only when the removed ``USE_L10N`` setting is on,
    so it never runs on Django 5: an editor found out instead, when *Publikasi* failed.
    """
    errors = []
    for code, _label in settings.LANGUAGES:
        for wagtail_setting, django_setting in [
            ("WAGTAIL_DATE_FORMAT", "DATE_INPUT_FORMATS"),
            ("WAGTAIL_DATETIME_FORMAT", "DATETIME_INPUT_FORMATS"),
            ("WAGTAIL_TIME_FORMAT", "TIME_INPUT_FORMATS"),
        ]:
            value = getattr(settings, wagtail_setting, None)
            if value and value not in formats.get_format(django_setting, lang=code):
                errors.append(
                    Error(
                        f"{wagtail_setting} {value!r} is not among the {django_setting} of language {code!r}.",
                        hint="Add it to portal/formats/<language>/formats.py.",
                        obj=wagtail_setting,
                        id="portal.E001",
                    )
                )
    return errors
