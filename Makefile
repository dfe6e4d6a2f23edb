# The commands people run. `make run` and `make test` work on a fresh machine
# with only Python 3.11+ and make: they build .venv themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/exchange

.PHONY: help install messages run test test-postgres test-e2e screenshots lint format check migrations makemessages bench clean

help:
	@echo "make run            set up, load the demo and serve http://$(HOST):$(PORT) (SQLite)"
	@echo "make test           run the whole test suite (SQLite)"
	@echo "make test-postgres  the same suite on PostgreSQL ($(PG_URL))"
	@echo "make test-e2e       only the browser tests (needs: apt-get install chromium fonts-noto-cjk)"
	@echo "make screenshots    refresh docs/screenshots/ from the browser tests"
	@echo "make lint           ruff check + format check + migrations check"
	@echo "make format         format the code with ruff"
	@echo "make makemessages   refresh the .po files after changing visible strings (needs GNU gettext)"
	@echo "make bench          generate the large data set and measure (see bench/README.md)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

install: $(INSTALLED)

messages: install
	@$(BIN)/python manage.py compile_translations

run: messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: messages
	$(BIN)/pytest

test-postgres: messages
	DATABASE_URL=$(PG_URL) $(BIN)/pytest

test-e2e: messages
	$(BIN)/pytest tests/e2e

screenshots: messages
	UPDATE_SCREENSHOTS=1 $(BIN)/pytest tests/e2e -k a4_sheet

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

makemessages: install
	$(BIN)/python manage.py makemessages --locale zh_Hant --locale zh_Hans --no-obsolete --no-location \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'staticfiles/*'

bench: install
	PYTHON=$(BIN)/python bash bench/run.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
	find . -name '*.mo' -path '*/locale/*' -delete
