# make demo   set everything up and serve the demo archive at http://127.0.0.1:8000/ (PORT=8001, HOST=0.0.0.0 to change)
# make test   run every check and test (scripts/test), as CI does
# make lint   ruff lint and format check
# make setup  create .venv and install the archive with its test tools, at the versions locked in constraints.txt
# make lock   write constraints.txt anew from the newest versions pyproject.toml allows

VENV := .venv
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup demo test lint lock

setup: $(VENV)/.installed

# Reinstalls only when pyproject.toml or a lock changes; delete .venv to start afresh.
# constraints.txt pins every Python package to the versions CI passed with (`make lock` writes it anew), as
# package-lock.json pins npm's; npm runs no package's install script, so nothing is fetched from elsewhere.
$(VENV)/.installed: pyproject.toml constraints.txt $(wildcard package-lock.json)
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --constraint constraints.txt -e '.[test]'
	if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; fi
	touch $@

# Write constraints.txt from a fresh environment with the newest versions pyproject.toml allows.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	{ echo "# Written by \`make lock\`: the versions of every Python package \`make setup\` installs."; \
	  .venv-lock/bin/pip freeze --exclude-editable | grep -v '^\(pip\|setuptools\|wheel\)=='; } > constraints.txt
	rm -rf .venv-lock

demo: setup
	$(VENV)/bin/movement-archive demo --host $(HOST) --port $(PORT)

test: setup
	scripts/test

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
