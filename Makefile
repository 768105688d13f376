# Pusat Pelatihan — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails, letters and QR codes made outside a request (the demo's, background tasks)
# point where this server runs; set PORTAL_BASE_URL yourself to override.
PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
export PORTAL_BASE_URL
# The test suite runs in parallel; set WORKERS=0 to run it in one process.
WORKERS ?= 2

.PHONY: run serve install install-dev migrate setup demo test lint format check messages compilemessages bench clean lock audit

$(VENV)/bin/activate:
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --no-input

# A real installation: the starter data only (office identity from PORTAL_* variables or prompts).
setup: migrate
	$(PY) manage.py setup_portal

# load_demo runs setup_portal for the demo office first, then puts the demo on top.
demo: migrate
	$(PY) manage.py load_demo

run: demo
	@$(PY) manage.py demo_accounts --base-url $(PORTAL_BASE_URL)
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: install
	$(PY) manage.py runserver $(HOST):$(PORT)

# lint-imports checks the architecture contracts of pyproject.toml ([tool.importlinter]).
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/lint-imports --no-cache --no-logo
	$(PY) tools/audit.py

# requirements.lock: the exact versions with their hashes, for deployments
# (`pip install --require-hashes -r requirements.lock`). Run after changing requirements.txt.
lock: install-dev
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock requirements.txt

# pip-audit against the lock file: fails on a known vulnerability; says NOT RUN (and passes)
# when the advisory data cannot be reached.
audit: install-dev
	$(PY) tools/audit.py

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

check: install-dev
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

# pytest exits non-zero when a test fails and also when nothing was collected (exit code 5),
# so a wrong PYTEST_ARGS can never pass silently.
test: lint check
	$(VENV)/bin/pytest $(if $(filter-out 0,$(WORKERS)),-n $(WORKERS) --dist loadgroup,) $(PYTEST_ARGS)

messages: install-dev
	$(PY) manage.py makemessages -l id --no-obsolete $(if $(APP),--app $(APP),)
	$(PY) manage.py compilemessages -l id --ignore=.venv

compilemessages: install-dev
	$(PY) manage.py compilemessages -l id --ignore=.venv

bench: install-dev
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
