# The commands people run. `make run` and `make test` work on a fresh machine
# with only Python 3.11+ and make: they build .venv themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/exchange

.PHONY: help install messages run serve test test-postgres test-e2e outside-checks bandit screenshots lint format check migrations makemessages bench load-test backup-restore-check clean

help:
	@echo "make run            set up, load the demo and serve http://$(HOST):$(PORT) (SQLite)"
	@echo "make test           run the whole test suite (SQLite)"
	@echo "make test-postgres  the same suite on PostgreSQL ($(PG_URL))"
	@echo "make test-e2e       only the browser tests (needs: apt-get install chromium fonts-noto-cjk)"
	@echo "make outside-checks axe-core, the Nu HTML Checker (npm ci; Java 17) and bandit"
	@echo "make serve          gunicorn with production settings on http://$(HOST):$(PORT) (see docs/deployment.md)"
	@echo "make screenshots    refresh docs/screenshots/ from the browser tests"
	@echo "make lint           ruff check + format check + migrations check"
	@echo "make format         format the code with ruff"
	@echo "make makemessages   refresh the .po files after changing visible strings (needs GNU gettext)"
	@echo "make bench          generate the large data set and measure (see bench/README.md)"
	@echo "make load-test      gunicorn on PostgreSQL under wrk, and the failure drill (bench/README.md)"
	@echo "make backup-restore-check  pg_dump, restore into an empty database, compare row counts"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)

# axe-core and the Nu HTML Checker, pinned by package-lock.json; only checks use them.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

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

outside-checks: messages node_modules/.installed bandit
	$(BIN)/pytest -m outside_tools

bandit: install
	$(BIN)/bandit -c pyproject.toml -r . -ll

# Production settings on this machine: gunicorn, hashed static files, the
# SQLite file of `make run` unless DATABASE_URL says otherwise; plain http on
# the loopback (behind nginx in real life, docs/deployment.md).
serve: messages
	PRODUCTION=1 SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-for-real-use-0123456789abcdef} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/db.sqlite3} \
	SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 GUNICORN_BIND=$(HOST):$(PORT) \
	sh -c '$(BIN)/python manage.py migrate --noinput && $(BIN)/python manage.py collectstatic --noinput -v0 \
	&& exec $(BIN)/gunicorn -c gunicorn.conf.py exchange.wsgi'

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

# Mixed traffic against gunicorn on PostgreSQL, then PostgreSQL stopped for
# 10 s under load (bench/load.sh; needs wrk: apt-get install wrk). Minutes, not CI.
load-test: messages
	PYTHON=$(BIN)/python bash bench/load.sh

# Proves a backup restores: pg_dump of $(PG_URL), restored into a new empty
# database, every table's row count compared (docs/deployment.md).
backup-restore-check: install
	PYTHON=$(BIN)/python bash ops/backup-restore-check.sh "$(PG_URL)"

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache node_modules
	find . -name '*.mo' -path '*/locale/*' -delete
