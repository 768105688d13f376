"""Our makemessages files each string into the catalogue of the app that owns it."""

import os

import pytest

from django.conf import settings
from django.core.management import CommandError, call_command

from portal.management.commands.makemessages import Command

BASE = os.path.abspath(settings.BASE_DIR)


@pytest.fixture
def command():
    command = Command()
    command.base = BASE
    command.project_apps = {"portal", "accounts", "home", "courses"}
    return command


@pytest.mark.parametrize(
    ("folder", "owner"),
    [
        ("portal", "portal"),
        ("portal/templatetags", "portal"),
        ("accounts", "accounts"),
        ("templates/accounts", "accounts"),
        ("templates/courses/includes", "courses"),
        ("templates", "portal"),  # base.html and the error pages
        ("templates/components", "portal"),
        ("templates/blocks", "portal"),
        ("templates/allauth/elements", "portal"),
        ("templates/account", "portal"),
        (".", "portal"),
    ],
)
def test_owner_of_each_folder(command, folder, owner):
    assert command.owner(os.path.join(BASE, folder)) == owner


def test_an_app_without_its_own_locale_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(Command, "app_locale", lambda self, app: str(tmp_path / app / "locale"))
    with pytest.raises(CommandError, match="locale"):
        call_command("makemessages", locale=["id"], app="search")


def test_an_unknown_app_is_refused():
    with pytest.raises(CommandError, match="not one of this project's apps"):
        call_command("makemessages", locale=["id"], app="nonexistent")
