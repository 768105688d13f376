"""Settings shared by every environment; safe for production on their own.

Everything that differs between installations comes from the environment (12-factor).
This module imports no application code.
"""

import os
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Order matters for templates and static files: project apps first so they can override.
PROJECT_APPS = [
    "portal",
    "accounts",
    "sops",
    "procedures",
    "home",
    "categories",
    "courses",
    "trainers",
    "enrolment",
    "certificates",
    "trainer_requests",
    "licensing",
    "consultations",
    "events",
    "news",
    "form_pages",
    "sharing",
    "public_statistics",
    "stories",
    "search",
    "privacy",
]

INSTALLED_APPS = PROJECT_APPS + [
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions, CSRF and auth: a cached anonymous page is served before any of them runs.
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.OfficeLanguageMiddleware",
    "portal.links.CurrentRequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffAccountMiddleware",
    "privacy.middleware.ConsentMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: SQLite file by default, PostgreSQL (or anything dj-database-url reads) when given.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when REDIS_URL is set (shared by every worker), else per-process memory.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "pusat-pelatihan"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Page cache (portal/pagecache.py): anonymous GETs of public pages, purged by tags.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "300"))  # seconds a page lives even without a purge
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "30"))  # Cache-Control max-age for browsers and proxies
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(env("PAGE_CACHE_STALE_WHILE_REVALIDATE", "60"))

# --- Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:member_area"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupNameForm"
# Emails to a not yet confirmed address never carry the name typed at sign-up (no relay).
ACCOUNT_USER_DISPLAY = "accounts.display.user_display"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Pusat Pelatihan] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"

# Staff (every office role, staff flag or superuser) log in with a second factor: an
# authenticator app (TOTP) plus single-use recovery codes (allauth.mfa). Production always
# requires it; the demo accounts come with theirs (`manage.py demo_accounts` prints them).
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("WAGTAIL_SITE_NAME", "Pusat Pelatihan")
PORTAL_STAFF_MFA_REQUIRED = env_bool("PORTAL_STAFF_MFA_REQUIRED", True)
# A staff session ends after this many seconds without a request (members: SESSION_COOKIE_AGE).
PORTAL_STAFF_SESSION_IDLE_SECONDS = int(env("PORTAL_STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
# Wagtail's login and password reset hand over to allauth's.
WAGTAILADMIN_LOGIN_URL = "/akun/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/akun/login/"

# --- Response headers (portal.middleware.SecurityHeadersMiddleware)
# The public site: only the portal's own scripts, styles, fonts and images (plus data: images
# Wagtail's image chooser previews use); no plugins, no framing, forms post only to the portal.
PORTAL_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The Wagtail admin still writes inline styles (and a few inline scripts in some screens), shows
# image previews from blob: URLs and frames its own page previews.
PORTAL_CSP_ADMIN = {
    **PORTAL_CSP,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}
PORTAL_CSP_REPORT_ONLY = env_bool("PORTAL_CSP_REPORT_ONLY", False)
PORTAL_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()"
)
# Pages of a person or of staff work: never kept by a browser or shared cache.
PORTAL_PRIVATE_PATH_PREFIXES = ["/saya/", "/akun/", "/admin/", "/status/"]

# --- Client address behind the proxy (portal/clientip.py): how many proxies in front of Django
# append to X-Forwarded-For (1 for the README's nginx → gunicorn). 0 ignores the header.
PORTAL_TRUSTED_PROXY_COUNT = int(env("PORTAL_TRUSTED_PROXY_COUNT", "0"))
# allauth reads its own setting where it does not ask the adapter; keep both the same.
ALLAUTH_TRUSTED_PROXY_COUNT = PORTAL_TRUSTED_PROXY_COUNT

# --- Language and time: Indonesian first, English available; the office's zone.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("OFFICE_TIME_ZONE", "Asia/Jakarta")
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
# Django's id/en input formats extended with the admin's date patterns (see portal/formats).
FORMAT_MODULE_PATH = ["portal.formats"]

# --- Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Private uploads (CVs, letters, IDs, generated PDFs) live outside MEDIA_ROOT and are only
# ever streamed by permission-checked views.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "portal.storage.PrivateStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# --- Electronic signatures (portal/signing.py; README "Signed documents")
DOCUMENT_SIGNER = env("DOCUMENT_SIGNER", "portal.signing.LocalPKCS12Signer")
SIGNING_PKCS12 = env("SIGNING_PKCS12", "signing/office.p12")  # a name inside PRIVATE_MEDIA_ROOT
SIGNING_PASSPHRASE = env("SIGNING_PASSPHRASE", "")
SIGNING_TSA_URL = env("SIGNING_TSA_URL", "")  # RFC 3161 timestamp authority; none when empty
SIGNING_LOCATION = env("SIGNING_LOCATION", "")
SIGNING_REMOTE_URL = env("SIGNING_REMOTE_URL", "")
SIGNING_REMOTE_TOKEN = env("SIGNING_REMOTE_TOKEN", "")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# The largest admin forms (a class page with its sessions and trainers, a form page with its
# fields, group permissions) stay well under a thousand fields; 10,000 let one request make
# Django parse a huge body.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2_000
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Email: console unless an SMTP host is configured.
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Pusat Pelatihan <no-reply@pelatihan.example.go.id>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Absolute links in emails, letters and QR codes.
PORTAL_BASE_URL = env("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Pusat Pelatihan")
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", ""),
        # PostgreSQL full-text search stems Indonesian words (pelatihan → latih); SQLite ignores it.
        "SEARCH_CONFIG": env("SEARCH_CONFIG", "indonesian"),
    }
}
# Documents always pass through Wagtail's serve view so privacy rules apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth's reset (/akun/password/reset/) is the one
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: they would send a hash of each staff email to a third party
# (and the admin's Content-Security-Policy allows images from the portal only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Every language's input formats accept these (portal/formats; checked by portal.checks).
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Every background task and page save logs at INFO; keep the console for what matters.
        "django_tasks": {"level": env("TASKS_LOG_LEVEL", "WARNING")},
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}
