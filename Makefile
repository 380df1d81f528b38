# Stet — the two commands a new user needs are `make run` and `make test`.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test production-check bench install lint format migrate demo lock vendor clean

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

# This checkout's secret key, generated once and kept out of git: manage.py works
# without DEBUG, and production sets its own SECRET_KEY in the environment instead.
.env:
	$(PYTHON) -c "import secrets; print('SECRET_KEY=' + secrets.token_urlsafe(50))" > $@

install: $(VENV)/.installed .env

# Development server and a Celery worker with beat, on SQLite and the filesystem
# broker unless DATABASE_URL / REDIS_URL say otherwise. Ctrl-C stops both.
run: export DEBUG ?= 1
run: export STET_SITE_URL ?= http://127.0.0.1:$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@# The scheduled jobs once now, so the dashboards have today's picture at once.
	$(PY) manage.py flag_overdue_reviews
	$(PY) manage.py assign_reviewers
	$(PY) manage.py snapshot_review_metrics
	@echo
	@echo "  Stet is starting at http://127.0.0.1:$(PORT)/"
	@echo "  Demo sign-ins (password for all: $$($(PY) manage.py load_demo --print-password)):"
	@$(PY) manage.py load_demo --list-users | sed 's/^/    /'
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/ (user admin)"
	@echo
	@trap 'kill 0' INT TERM EXIT; \
	$(VENV)/bin/celery -A config worker --beat --loglevel=INFO --concurrency=2 \
		--schedule=var/celerybeat-schedule & \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite, on both cores (pytest-xdist: each worker has its own test database).
test: install
	$(VENV)/bin/pytest -n auto

# The README's "Running in production" on this machine (PostgreSQL and Redis on
# 127.0.0.1), every URL walked as each role: see .ci/production.
production-check: install
	bash .ci/production

# The benchmarks at BENCH_N articles (default 100,000) on the configured database
# (DATABASE_URL; SQLite otherwise), each in a database of its own, printing
# `name: value unit` lines: the reader's pages under gunicorn and wrk, search and
# publishing, the director's pages, the overdue sweep beside raw SQL.
BENCH_N ?= 100000
bench: install
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk"; exit 1; }
	$(PY) bench/public_pages.py $(BENCH_N)
	$(PY) bench/dashboard.py $(BENCH_N)
	$(PY) bench/flag_overdue.py $(BENCH_N)

# Style, the layers between apps (import-linter) and types (mypy), as CI runs them.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate: install
	$(PY) manage.py migrate

demo: install
	$(PY) manage.py load_demo

# Refresh the lock file after changing dependencies in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf .lock-venv

# Refresh the front-end files vendored into static/vendor/ (and the browser tests'
# accessibility checker) from the npm registry (versions pinned in package.json).
# Nothing is fetched at run time.
vendor:
	npm install --no-save --ignore-scripts --no-audit --no-fund
	mkdir -p static/vendor/htmx
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE static/vendor/htmx/
	mkdir -p static/vendor/chartjs
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/dist/chart.umd.min.js.map \
	   node_modules/chart.js/LICENSE.md static/vendor/chartjs/
	@# axe-core is no part of the site: the browser tests inject it to check accessibility.
	mkdir -p tests/browser/vendor/axe-core
	cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE \
	   node_modules/axe-core/LICENSE-3RD-PARTY.txt tests/browser/vendor/axe-core/
	rm -rf node_modules

clean:
	rm -rf $(VENV) var db.sqlite3 db.sqlite3-* staticfiles
