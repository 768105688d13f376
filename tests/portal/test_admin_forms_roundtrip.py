"""Every admin edit form with a date or time field saves when resubmitted unchanged, in Indonesian.

The editor's journey, without a browser: open the form the admin renders, take every value it
prefilled (inputs, selects, text areas, StreamField contents), press Publikasi / Simpan, and the
record saves with the same dates. This is what failed when ``WAGTAIL_DATETIME_FORMAT`` wrote
``21:24`` and Indonesian input formats only read ``21.24``.
"""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.utils import formats, translation

from wagtail import blocks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.fields import StreamField
from wagtail.models import Page

from accounts.models import User

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "file", "reset"}
# Records per model: enough to meet both empty and filled optional dates.
PER_MODEL = 3


def _leaf_state(value):
    if isinstance(value, dict):  # a chooser's state: {"id": ..., "title": ...}
        return str(value.get("id", ""))
    if value is True:
        return "on"
    if value is None or value is False:
        return None
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value)


def stream_post_data(block, state, prefix, data):
    """Turn a block's form state (what the admin's JavaScript reads) into the fields it posts."""
    if isinstance(block, blocks.BaseStreamBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            data[f"{prefix}-{index}-type"] = child["type"]
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child.get("id") or ""
            stream_post_data(block.child_blocks[child["type"]], child["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child.get("id") or ""
            stream_post_data(block.child_block, child["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child_block in block.child_blocks.items():
            stream_post_data(child_block, (state or {}).get(name), f"{prefix}-{name}", data)
    else:
        value = _leaf_state(state)
        if value is not None:
            data[prefix] = value


def _main_form(soup, path):
    forms = [form for form in soup.find_all("form") if (form.get("method") or "").lower() == "post"]
    for form in forms:
        if form.get("id") == "page-edit-form" or (form.get("action") or "").split("?")[0] == path:
            return form
    return max(forms, key=lambda form: len(form.find_all(["input", "select", "textarea"])))


def form_post_data(html, path, model):
    """The values the rendered form would send, as a browser sends them."""
    soup = BeautifulSoup(html, "html.parser")
    form = _main_form(soup, path)
    data = {}

    def add(name, value):
        if name in data:
            existing = data[name]
            data[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            data[name] = value

    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        # Empty forms of inline panels sit in <template> elements: never posted.
        if not name or element.find_parent("template") or element.has_attr("disabled"):
            continue
        if element.name == "input":
            kind = (element.get("type") or "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                continue
            if kind in {"checkbox", "radio"}:
                if element.has_attr("checked"):
                    add(name, element.get("value", "on"))
                continue
            add(name, element.get("value", ""))
        elif element.name == "textarea":
            add(name, element.text.removeprefix("\n"))
        else:
            options = element.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and not element.has_attr("multiple") and options:
                chosen = options[:1]
            for option in chosen:
                add(name, option.get("value", option.text))
    # StreamFields are drawn by JavaScript from the state the server wrote into the page.
    for widget in form.select('[data-controller="w-block"]'):
        field = model._meta.get_field(widget["id"])
        state, _errors = json.loads(widget["data-w-block-arguments-value"])
        stream_post_data(field.stream_block, state, widget["id"], data)
    # The button an editor presses: Publikasi on pages and publishable snippets, else Simpan.
    if form.find(attrs={"name": "action-publish"}):
        data["action-publish"] = "action-publish"
    return data


def _date_fields(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField | models.TimeField) and field.editable and not field.auto_now
    ]


def _to_the_minute(value):
    """The admin writes times to the minute: seconds never survive a round trip, by design."""
    if isinstance(value, datetime.datetime | datetime.time):
        return value.replace(second=0, microsecond=0)
    return value


def _dates(instance, names):
    return {name: _to_the_minute(getattr(instance, name)) for name in names}


def _admin_models():
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.app_label not in settings.PROJECT_APPS:
            continue
        has_dates = bool(_date_fields(model)) or any(isinstance(f, StreamField) for f in model._meta.fields)
        if issubclass(model, Page) or has_dates:
            yield model


@pytest.mark.django_db
def test_every_admin_edit_form_saves_unchanged_in_indonesian():
    call_command("load_demo", stdout=io.StringIO())
    admin = User.objects.get(email="admin@demo.test")
    client = Client()
    client.force_login(admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    finder = AdminURLFinder(admin)
    tried, failures = [], []
    for model in _admin_models():
        queryset = model.objects.all()
        if issubclass(model, Page):
            queryset = model.objects.exact_type(model).filter(depth__gt=1)
        for instance in queryset.order_by("pk")[:PER_MODEL]:
            url = finder.get_edit_url(instance)
            if not url:
                continue
            try:
                response = client.get(url)
            except Exception as error:  # noqa: BLE001 - every broken form is listed, not just the first
                failures.append(f"GET {url} ({model.__name__}): {error!r}")
                continue
            if response.status_code != 200:
                failures.append(f"GET {url} ({model.__name__}): {response.status_code}")
                continue
            html = response.content.decode()
            assert 'lang="id"' in html, f"{url} is not in Indonesian"
            before = _dates(instance, _date_fields(model))
            try:
                response = client.post(url, form_post_data(html, url, model))
            except Exception as error:  # noqa: BLE001
                failures.append(f"POST {url} ({model.__name__}): {error!r}")
                continue
            tried.append(model.__name__)
            if response.status_code != 302:
                soup = BeautifulSoup(response.content, "html.parser")
                errors = [" ".join(e.get_text().split()) for e in soup.select(".error-message, .help-critical")]
                failures.append(f"POST {url} ({model.__name__}): {response.status_code} {errors[:5]}")
                continue
            instance.refresh_from_db()
            if issubclass(model, Page):
                instance = instance.get_latest_revision_as_object()
            after = _dates(instance, before)
            if after != before:
                failures.append(f"POST {url} ({model.__name__}) changed dates: {before} → {after}")
    assert not failures, "\n".join(failures)
    # The forms that broke in front of editors are among those tried.
    for name in ("CoursePage", "SOPPage", "NewsPage", "HomePage", "TrainerPage", "MaterialPage"):
        assert name in tried, f"no {name} edit form was tried"


@pytest.mark.parametrize("language", ["id", "en"])
def test_admin_date_formats_parse_in_every_language(language):
    """What the admin writes into a date, time or date-time input reads back in both languages."""
    with translation.override(language):
        assert settings.WAGTAIL_DATE_FORMAT in formats.get_format("DATE_INPUT_FORMATS")
        assert settings.WAGTAIL_DATETIME_FORMAT in formats.get_format("DATETIME_INPUT_FORMATS")
        assert settings.WAGTAIL_TIME_FORMAT in formats.get_format("TIME_INPUT_FORMATS")
