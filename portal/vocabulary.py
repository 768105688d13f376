"""Words the portal uses one way everywhere, whatever the third-party catalogue says.

Django reads the Indonesian catalogues of allauth (id) and Wagtail (id_ID) together, and they
disagree: the same form called the password "Kata Kunci" in one field and "Kata sandi" in the
next. The project catalogue (``LOCALE_PATHS``) wins over both, so these msgids are translated
there once; marking them here keeps makemessages from dropping them.
"""

from django.utils.translation import gettext_lazy as _

TERMS = [
    _("Password"),
    _("Password confirmation"),
    _("Enter the same password as above, for verification."),
]
