# Newsroom: `make run` serves the demo site, `make test` runs the whole suite,
# `make serve` runs the production settings under gunicorn, `make bench` measures them.
# Both create the virtualenv on first use and are safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup demo lint serve bench bench-load clean

# The stamp files make pip run again only when a requirements file changes.
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py set_site_address $(HOST):$(PORT)

run: setup
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Two worker processes, one per core (tests/: each has its own database and Redis database);
# TEST_WORKERS=0 runs everything in this one process, e.g. to step through a test with pdb.
TEST_WORKERS ?= 2
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# Production settings under gunicorn. Outside a real deployment (no DJANGO_SECRET_KEY) it uses a
# throwaway key kept in var/secret-key.txt, serves 127.0.0.1 and localhost, and skips the HTTPS
# redirect; set the variables of docs/deploy.md to run it for real.
PROD_ENV = DJANGO_SETTINGS_MODULE=newsroom.settings.production \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret-key.txt)}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}"

var/secret-key.txt:
	mkdir -p var
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@echo "Generated a throwaway DJANGO_SECRET_KEY in $@ (local use only; set your own in production)."

serve: $(VENV)/.installed var/secret-key.txt
	$(PROD_ENV) $(BIN)/python manage.py migrate --noinput
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Serving the production settings on http://$(HOST):$(PORT)/"
	$(PROD_ENV) GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c newsroom/gunicorn.conf.py

# Benchmarks (never part of the test suite): see docs/deploy.md, "Benchmarks". BENCH_ARGS are passed on.
# `make bench`: our cached, fragments-kept and bare rows beside the Django floor and Wagtail, in one run
# of the shared peer harness (../shared/bench), e.g. BENCH_ARGS="--check" or "--runs 1 --duration 5".
# It builds its own venvs and data under /tmp, so it needs none of ours.
# Then the fixtures import: a 380-match season into an empty database, and the unchanged re-run.
bench:
	bench/peers.sh $(BENCH_ARGS)
	$(BIN)/python bench/fixtures.py

# `make bench-load`: the project alone under wrk, with /healthz as the in-run baseline (bench/load.sh).
bench-load: $(VENV)/.installed var/secret-key.txt
	bench/load.sh $(BENCH_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache var/cache
