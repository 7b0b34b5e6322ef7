# make demo   set everything up and serve the demo archive at http://127.0.0.1:8000/
# make test   run every check and test (scripts/test), as CI does
# make lint   ruff lint and format check
# make setup  create .venv and install the archive with its test tools

VENV := .venv
PYTHON ?= python3

.PHONY: setup demo test lint

setup: $(VENV)/.installed

# Reinstalls only when pyproject.toml (or package-lock.json) changes; delete .venv to start afresh.
$(VENV)/.installed: pyproject.toml $(wildcard package-lock.json)
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	if [ -f package-lock.json ]; then npm ci; fi
	touch $@

demo: setup
	$(VENV)/bin/movement-archive demo

test: setup
	scripts/test

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
