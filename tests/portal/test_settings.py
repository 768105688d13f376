"""12-factor settings: production refuses to start without secrets and passes Django's deploy checks."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


CONFIG_VARIABLES = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
    "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT",
    "STATIC_ROOT",
    "OFFICE_TIME_ZONE",
    "PORTAL_BASE_URL",
    "DEBUG",
)


def clean_environment(**env):
    """The test runner's environment without any portal configuration, plus ``env``."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "SECURE_")) and key not in CONFIG_VARIABLES
    }
    clean.update(env)
    return clean


def run_python(code, **env):
    """Run code in a fresh interpreter, so settings modules are imported from scratch."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**extra):
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "pelatihan.example.go.id",
        "PORTAL_BASE_URL": "https://pelatihan.example.go.id",
        **extra,
    }


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    # A deployment has its signing certificate (setup_portal makes one; the check warns otherwise).
    from portal.management.commands.make_signing_certificate import make_pkcs12

    (tmp_path / "signing").mkdir()
    (tmp_path / "signing" / "office.p12").write_bytes(make_pkcs12("Dinas Uji"))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=clean_environment(**production_env(PRIVATE_MEDIA_ROOT=str(tmp_path))),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_portal_base_url():
    """A default address would put 127.0.0.1 into every emailed link and printed QR code."""
    env = production_env()
    del env["PORTAL_BASE_URL"]
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "PORTAL_BASE_URL" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [(["PORT=8790"], "http://127.0.0.1:8790"), (["HOST=0.0.0.0", "PORT=8791"], "http://0.0.0.0:8791")],
)
def test_make_sets_portal_base_url_from_host_and_port(arguments, expected):
    """`make run PORT=8790`: the demo's letters and the server's emails point at port 8790."""
    result = subprocess.run(
        ["make", "-s", "--eval", "show-base-url: ; @echo $$PORTAL_BASE_URL", "show-base-url", *arguments],
        cwd=BASE_DIR,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == expected, result.stderr
    dry_run = subprocess.run(
        ["make", "-n", "run", *arguments], cwd=BASE_DIR, env=clean_environment(), capture_output=True, text=True
    )
    assert f"demo_accounts --base-url {expected}" in dry_run.stdout


READ_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "debug": settings.DEBUG,
    "hosts": settings.ALLOWED_HOSTS,
    "db_engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "db_health": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "email_backend": settings.EMAIL_BACKEND,
    "email_host": settings.EMAIL_HOST,
    "email_port": settings.EMAIL_PORT,
    "media_root": str(settings.MEDIA_ROOT),
    "private_root": str(settings.PRIVATE_MEDIA_ROOT),
    "private_location": str(settings.STORAGES["private"]["OPTIONS"]["location"]),
    "time_zone": settings.TIME_ZONE,
    "base_url": settings.PORTAL_BASE_URL,
    "static_storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "language": settings.LANGUAGE_CODE,
}))
"""


def test_production_reads_everything_from_the_environment(tmp_path):
    env = production_env(
        DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/1",
        EMAIL_HOST="smtp.example.go.id",
        EMAIL_PORT="465",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        OFFICE_TIME_ZONE="Asia/Makassar",
        PORTAL_BASE_URL="https://pelatihan.example.go.id/",
    )
    result = run_python(READ_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["hosts"] == ["pelatihan.example.go.id"]
    assert values["db_engine"] == "django.db.backends.postgresql"
    assert values["db_name"] == "portal"
    assert values["db_health"] is True
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://cache.internal:6379/1"
    assert values["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["email_host"], values["email_port"]) == ("smtp.example.go.id", 465)
    assert values["media_root"] == str(tmp_path / "media")
    assert values["private_root"] == values["private_location"] == str(tmp_path / "private")
    assert values["time_zone"] == "Asia/Makassar"
    assert values["base_url"] == "https://pelatihan.example.go.id"
    assert values["static_storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["session_secure"] and values["csrf_secure"]
    assert values["language"] == "id"


def test_defaults_without_environment_are_sqlite_and_local_memory():
    result = run_python(READ_SETTINGS, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["db_engine"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(BASE_DIR / "db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert values["time_zone"] == "Asia/Jakarta"
    assert values["private_root"] == str(BASE_DIR / "private")


@pytest.mark.parametrize("module", ["portal.settings.base", "portal.settings.production"])
def test_settings_import_no_application_code(module):
    """Settings must load before the apps: importing them pulls in no project app."""
    code = (
        "import sys, os; os.environ.setdefault('SECRET_KEY', 'x' * 60); "
        "os.environ.setdefault('PORTAL_BASE_URL', 'https://pelatihan.example.go.id'); "
        f"import {module}; "
        "apps = {'accounts', 'home', 'courses', 'procedures', 'sops', 'trainers'}; "
        "print(sorted(name for name in sys.modules if name.split('.')[0] in apps))"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
