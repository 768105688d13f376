"""load_demo builds a living site, twice without changing anything, and every demo account logs in."""

import io
import re
from pathlib import Path

import pytest

from django.apps import apps
from django.core.management import call_command
from django.test import Client

from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, second_factor
from accounts.models import User

pytestmark = pytest.mark.django_db


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def row_counts():
    """Rows per model of every project app plus pages, images, users and groups."""
    labels = {"accounts", "home", "portal", "wagtailcore", "wagtailimages", "auth", "account"}
    labels |= {config.label for config in apps.get_app_configs() if config.name in _project_apps()}
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in labels
        and not model._meta.proxy
        # revisions and logs record each publish; the content itself is what must not change
        and model._meta.model_name not in {"revision", "pagelogentry", "modellogentry", "rendition"}
    }


def _project_apps():
    from django.conf import settings

    return set(getattr(settings, "PROJECT_APPS", []))


def test_load_demo_is_idempotent():
    output = load_demo()
    assert "Demo content is ready." in output
    first = row_counts()
    # Other apps' demos add applicants and their own staff accounts on top of these.
    assert first["accounts.User"] >= len(DEMO_ACCOUNTS)
    assert first["home.StandardPage"] >= 3
    load_demo()
    assert row_counts() == first


def readme_demo_accounts():
    """(email, name) of the README's table of demo accounts."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    return re.findall(r"^\| `([^`]+@demo\.test)` \| ([^|]+?) \|", readme, re.M)


def test_every_demo_account_logs_in_and_the_participant_through_allauth(settings, capsys):
    # As `make run` has it: emails go to the console. Loading prints a summary, not every email.
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    output = load_demo()
    printed = capsys.readouterr().out
    assert "Subject:" not in printed and "Subject:" not in output
    assert re.search(r"\d+ emails? sent by the demo's flows", output), output[-500:]
    accounts = readme_demo_accounts()
    assert len(accounts) >= 17
    for email, _name in accounts:
        assert Client().login(email=email, password=DEMO_PASSWORD), email
    # An account is called what the profile it owns is called.
    from trainers.models import TrainerPage

    trainer = User.objects.get(email="narasumber@demo.test")
    assert TrainerPage.objects.get(user=trainer).title == trainer.get_full_name() == "Made Wirawan"
    # The demo office is in Banyuwangi, and so are its licence applicants.
    from licensing.models import LicenceApplication

    assert set(LicenceApplication.objects.exclude(regency="").values_list("regency", flat=True)) == {
        "Kabupaten Banyuwangi"
    }

    client = Client()
    response = client.post("/akun/login/", {"login": "peserta@demo.test", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/saya/"
    assert client.get("/saya/").status_code == 200

    # Staff pass the second factor with what `demo_accounts` prints (here: the code of the moment).
    staff = Client()
    response = staff.post("/akun/login/?next=/admin/", {"login": "kadis@demo.test", "password": DEMO_PASSWORD})
    assert response["Location"] == "/akun/2fa/authenticate/"
    _secret, code_now, recovery = second_factor(User.objects.get(email="kadis@demo.test"))
    response = staff.post("/akun/2fa/authenticate/", {"code": recovery})
    assert response.status_code == 302
    assert staff.get("/admin/").status_code == 200
    assert len(code_now) == 6


def test_demo_accounts_command_prints_every_account():
    out = io.StringIO()
    call_command("demo_accounts", stdout=out)
    text = out.getvalue()
    assert DEMO_PASSWORD in text
    for email, name in readme_demo_accounts():
        assert re.search(rf"{re.escape(email)} +{re.escape(name)} ", text), (email, name)
