PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
# Reinstall only when the project's dependencies change.
INSTALLED := $(VENV)/.installed

# Test folders also run against a real PostgreSQL after the SQLite run.
PG_TESTS ?= tests/domain tests/api tests/search tests/web tests/privacy tests/escalation
BENCHES ?= bench/page.py bench/search_speed.py bench/relevance.py bench/aggregates.py

# Debian packages, installed by .ci/debian-packages when missing (as root, or through `sudo -n`).
# The suite drives Debian's chromium (fonts for its screenshots) and starts its own PostgreSQL;
# wrk loads pages in the benchmarks, so a machine that passed `make test` can also `make bench`.
TEST_PACKAGES := chromium fonts-dejavu-core postgresql redis-server wrk
# npm installs axe-core (package-lock.json), which the accessibility browser test injects. Debian's
# nodejs and npm come only when no npm is on the PATH: a Node.js from elsewhere bundles its own npm,
# and Debian's npm package conflicts with it.
NODE_PACKAGES := nodejs npm
BENCH_PACKAGES := wrk postgresql

MO_FILES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/*.po))

# Tests and commands that spawn `flask`, `gunicorn` or `pybabel` find the venv's.
export PATH := $(abspath $(BIN)):$(PATH)
export VIRTUAL_ENV := $(abspath $(VENV))

.PHONY: help run test bench lint install translations test-packages bench-packages

help:
	@echo "make run    serve the app on http://127.0.0.1:$${PORT:-5000} (demo data when empty)"
	@echo "make test   the whole suite on SQLite, then $(PG_TESTS) on PostgreSQL"
	@echo "make bench  $(BENCHES)"
	@echo "make lint   ruff check"

# Python 3.11+ is the one thing a machine must have; Debian's Python also needs python3-venv.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "Entraide needs Python 3.11 or newer as $(PYTHON) (or run: make PYTHON=python3.11 …)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); .ci/debian-packages python3-venv && $(PYTHON) -m venv $(VENV); }

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

install: $(INSTALLED)

translations/%.mo: translations/%.po | $(INSTALLED)
	$(BIN)/pybabel -q compile -i $< -o $@

translations: $(MO_FILES)

run: install translations
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	exec $(BIN)/gunicorn -w 2 --limit-request-line 8190 -b 127.0.0.1:$${PORT:-5000} wsgi:app

test-packages:
	@.ci/debian-packages $(TEST_PACKAGES)

bench-packages:
	@.ci/debian-packages $(BENCH_PACKAGES)

# Test-only JavaScript (axe-core), installed again only when package-lock.json changes.
NODE_INSTALLED := node_modules/.installed

$(NODE_INSTALLED): package-lock.json
	@command -v npm >/dev/null 2>&1 || .ci/debian-packages $(NODE_PACKAGES)
	npm ci --no-audit --no-fund
	touch $@

test: test-packages install translations $(NODE_INSTALLED)
	$(BIN)/pytest
	$(BIN)/pytest --db=postgres $(PG_TESTS)

bench: bench-packages install translations
	@set -e; for bench in $(BENCHES); do echo "== $$bench"; $(BIN)/python $$bench; done

lint: install
	$(BIN)/ruff check .

# After changing user-visible strings: re-extract them into translations/messages.pot and merge them
# into the catalogues (the English one is filled in from the source strings). Then translate the new
# and fuzzy entries of translations/fr/LC_MESSAGES/messages.po; tests/test_translations.py checks it.
# --ignore-dirs: by default pybabel skips directories starting with "_", such as templates/_macros.
POT := translations/messages.pot
CATALOG_LANGS := fr en
.PHONY: catalog
catalog: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --ignore-dirs '.* __pycache__' \
		--no-location --sort-output --project Entraide --copyright-holder Néolia -o $(POT) .
	set -e; for lang in $(CATALOG_LANGS); do \
		$(BIN)/pybabel update -i $(POT) -d translations -l $$lang --init-missing --ignore-obsolete; \
	done
	$(BIN)/python translations/sync_english.py
