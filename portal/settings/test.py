import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import INSTALLED_APPS, STORAGES

# A tests-only app with one small case model: the process core is tested on its own procedure.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.casework"]
DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-0123456789abcdefghijklmnop"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
_tmp = Path(tempfile.mkdtemp(prefix="portal-test-"))
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private"
STORAGES = {
    **STORAGES,
    "private": {
        "BACKEND": "portal.storage.PrivateStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
PORTAL_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Serve static files straight from the finders: no collectstatic before the tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Most tests log staff in with force_login; tests/security turns the second factor on.
PORTAL_STAFF_MFA_REQUIRED = False
