"""Every flow has the same shape: its model names its procedure once, effects are declared, docstrings say why."""

from django.apps import apps
from django.conf import settings

from procedures import registry
from procedures.models import Case

#: The apps that are not flows: they declare no procedure and serve them all.
CORE_APPS = {"portal", "accounts", "sops", "procedures", "home", "search", "categories"}


def project_case_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Case) and apps.get_app_config(model._meta.app_label).name in settings.PROJECT_APPS
    ]


def test_every_case_model_declares_its_procedure_once_and_no_old_hook():
    models = project_case_models()
    assert len(models) >= 6
    for model in models:
        assert model.procedure is not None and model.procedure.model is model, model
        assert registry.get(model.procedure.code) is model.procedure
        assert not hasattr(model, "on_transition"), f"{model}: declare effects on the transitions instead"
        assert "procedure_code" not in vars(model), f"{model}: `procedure = PROCEDURE` is the one declaration"


def test_every_case_model_docstring_names_its_sop():
    for model in project_case_models():
        assert "SOP" in (model.__doc__ or ""), model


def test_every_flow_model_says_why_it_exists():
    """Django writes ``Name(field, ...)`` as the docstring of a model without one."""
    for model in apps.get_models():
        app = apps.get_app_config(model._meta.app_label).name
        if app not in settings.PROJECT_APPS or app in CORE_APPS:
            continue
        assert not (model.__doc__ or "").startswith(f"{model.__name__}("), f"{model._meta.label} has no docstring"
