"""The architecture as a test: the import contracts in pyproject.toml exist, cover every app, and bite.

``lint-imports`` (run by ``make lint``/``make test``) checks the Python imports, including those
inside functions. These tests check that the contracts cover every installed project app, that a
forbidden import really breaks them, and they run the same contracts over the dependencies that
are not imports: model relations given as strings (``"trainers.TrainerPage"``), Wagtail page-type
strings, and ``{% load %}``, ``{% include %}``, ``{% extends %}`` and ``{% url %}`` in
``templates/<app>/``.
"""

import re
import tomllib
from pathlib import Path

import grimp
import pytest
from importlinter.configuration import configure
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.independence import IndependenceContract
from importlinter.contracts.layers import LayersContract
from importlinter.contracts.protected import ProtectedContract

from django.apps import apps
from django.conf import settings
from django.template import engines

configure()  # import-linter's own settings (timers, graph builder) as lint-imports sets them up

BASE = Path(settings.BASE_DIR)
CONFIG = tomllib.loads((BASE / "pyproject.toml").read_text())["tool"]["importlinter"]
CONTRACT_TYPES = {c.type_name: c for c in (ForbiddenContract, IndependenceContract, LayersContract, ProtectedContract)}
CORE = "core"  # the id of the contract that keeps the core and shared apps free of flows
HOW_TO = "See README.md, 'Adding a service', step 7: import contracts."


def project_apps():
    """The apps this repository ships (``PROJECT_APPS``), not the tests-only ones."""
    return list(settings.PROJECT_APPS)


def contract(contract_id):
    return next(c for c in CONFIG["contracts"] if c.get("id") == contract_id)


def contract_objects():
    session = {"root_packages": CONFIG["root_packages"]}
    return [
        CONTRACT_TYPES[options["type"]](name=options["name"], session_options=session, contract_options=options)
        for options in CONFIG["contracts"]
    ]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*CONFIG["root_packages"], include_external_packages=False)


def broken(graph):
    """The names of the contracts the graph breaks (each contract checks its own copy)."""
    import copy

    return [c.name for c in contract_objects() if not c.check(copy.deepcopy(graph), verbose=False).kept]


# --- The contracts exist and cover the apps ---------------------------------------------------


def test_every_project_app_is_a_root_package_of_the_contracts():
    missing = sorted(set(project_apps()) - set(CONFIG["root_packages"]))
    assert not missing, f"Apps not checked by the import contracts: {missing}. Add them to root_packages. {HOW_TO}"
    unknown = sorted(set(CONFIG["root_packages"]) - set(project_apps()))
    assert not unknown, f"root_packages names apps that are not installed: {unknown}."


def test_every_app_is_either_core_or_a_flow():
    core = contract(CORE)
    sources, flows = set(core["source_modules"]), set(core["forbidden_modules"])
    unplaced = sorted(set(project_apps()) - sources - flows)
    assert not unplaced, (
        f"Apps neither core nor flow: {unplaced}. Add a flow to forbidden_modules of the '{CORE}' contract "
        f"(a shared app that imports no flow to its source_modules). {HOW_TO}"
    )
    assert not sources & flows


def test_every_flow_names_the_apps_that_may_import_it():
    flows = contract(CORE)["forbidden_modules"]
    protected = {module for c in CONFIG["contracts"] if c["type"] == "protected" for module in c["protected_modules"]}
    unguarded = sorted(set(flows) - protected)
    assert not unguarded, (
        f"Flows without a 'protected' contract: {unguarded}. Add one per flow listing the apps allowed to import "
        f"it (allowed_importers = [] when none may). {HOW_TO}"
    )


def test_the_four_services_are_independent():
    assert {"licensing", "consultations", "enrolment", "trainer_requests"} <= set(
        contract("independent-flows")["modules"]
    )


def test_the_contracts_hold_on_the_code(graph):
    assert broken(graph) == []


# --- A forbidden import breaks them ---------------------------------------------------------


@pytest.mark.parametrize(
    ("importer", "imported", "contract_id"),
    [
        ("procedures.services", "enrolment.models", CORE),  # the core reaching into a flow
        ("categories.models", "courses.models", CORE),  # the shared categories depending on the catalogue
        ("licensing.services", "consultations.models", "independent-flows"),
        ("trainers.schedule", "courses.models", "courses"),  # the relation is owned by the catalogue
        ("consultations.models", "trainers.models", "trainers"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(graph, importer, imported, contract_id):
    import copy

    extended = copy.deepcopy(graph)
    extended.add_import(importer=importer, imported=imported, line_number=1, line_contents=f"import {imported}")
    assert contract(contract_id)["name"] in broken(extended)


# --- Dependencies that are not imports --------------------------------------------------------


def app_of_label(label):
    try:
        name = apps.get_app_config(label).name
    except LookupError:
        return None
    return name if name in project_apps() else None


def model_dependencies():
    """(importer module, imported app, what) for relations and page types naming another project app."""
    found = []
    for model in apps.get_models():
        source = app_of_label(model._meta.app_label)
        if source is None:
            continue
        for field in model._meta.get_fields():
            if field.auto_created or not field.is_relation or field.related_model is None:
                continue
            target = app_of_label(field.related_model._meta.app_label)
            if target and target != source:
                what = f"{model._meta.label}.{field.name} → {field.related_model._meta.label}"
                found.append((model.__module__, target, what))
        page_types = [
            *(getattr(model, "parent_page_types", None) or []),
            *(getattr(model, "subpage_types", None) or []),
        ]
        for page_type in page_types:
            target = app_of_label(str(page_type).split(".")[0]) if isinstance(page_type, str) else None
            if target and target != source:
                found.append((model.__module__, target, f"{model._meta.label} page type {page_type}"))
    return found


TAG = re.compile(r"{%\s*(load|include|extends|url)\s+([^%]*?)\s*%}")


def template_library_apps():
    libraries = engines["django"].engine.libraries  # {name: "app.templatetags.module"}
    return {name: path.split(".")[0] for name, path in libraries.items()}


def template_dependencies():
    """(app, imported app, what) for each tag in ``templates/<app>/`` that names another project app."""
    libraries = template_library_apps()
    found = []
    for app in project_apps():
        folder = BASE / "templates" / app
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if not path.is_file():
                continue
            for tag, argument in TAG.findall(path.read_text(errors="replace")):
                targets = []
                if tag == "load":
                    names = argument.split(" from ")[-1].split() if " from " in argument else argument.split()
                    targets = [libraries.get(name) for name in names]
                elif tag in ("include", "extends"):
                    quoted = re.match(r"""["']([^/"']+)/""", argument)
                    targets = [quoted.group(1)] if quoted else []
                else:
                    quoted = re.match(r"""["']([\w-]+):""", argument)
                    targets = [quoted.group(1)] if quoted else []
                for target in targets:
                    if target in project_apps() and target != app:
                        found.append((app, target, f"{path.relative_to(BASE)}: {{% {tag} {argument} %}}"))
    return found


def test_the_scanners_see_what_they_should():
    """The readers below find real dependencies, so an empty result elsewhere means something."""
    models = {(source.split(".")[0], target) for source, target, _what in model_dependencies()}
    assert ("courses", "trainers") in models, "CourseTrainer points at TrainerPage"
    assert ("courses", "categories") in models
    templates = {(source, target) for source, target, _what in template_dependencies()}
    assert ("trainers", "accounts") in templates, "the trainer pages link to the member area"


def with_dependencies(graph, dependencies):
    import copy

    extended = copy.deepcopy(graph)
    for importer, imported, what in dependencies:
        extended.add_import(importer=importer, imported=imported, line_number=0, line_contents=what)
    return extended


def test_model_relations_and_templates_follow_the_contracts(graph):
    dependencies = [*model_dependencies(), *template_dependencies()]
    if not broken(with_dependencies(graph, dependencies)):
        return
    culprits = [
        f"{what}: breaks {broken(with_dependencies(graph, [dependency]))}"
        for dependency in dependencies
        for what in [dependency[2]]
        if broken(with_dependencies(graph, [dependency]))
    ]
    pytest.fail("Dependencies outside Python imports break the contracts:\n" + "\n".join(culprits))


def test_a_forbidden_relation_or_template_tag_is_caught(graph):
    courses_uses_enrolment = ("courses", "enrolment", "templates/courses/x.html: {% load enrolment_tags %}")
    assert contract("enrolment")["name"] in broken(with_dependencies(graph, [courses_uses_enrolment]))
