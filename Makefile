# The two commands of the README: `make demo` and `make test`. Both install what they need first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=

.PHONY: demo test install translations report-packages messages lint check-deploy worker beat clean

LANGS := -l vi -l th -l id -l ms

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-virtualenv -r requirements.lock
	touch $@

install: $(VENV)/.installed translations report-packages

# Debian packages of the report PDFs (.ci/report-packages: Pango, HarfBuzz, Noto and Thai fonts), installed
# when some are missing and apt-get can run; elsewhere install them by hand (see the README's Reports).
report-packages:
	@missing=$$(for p in $$(cat .ci/report-packages); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done 2>/dev/null); \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	elif [ -n "$$missing" ]; then echo "Report PDFs need these Debian packages: $$missing"; fi

translations: $(VENV)/.installed
	$(PY) manage.py compiletranslations --verbosity 0

# Refresh the .po catalogs from the code (needs GNU gettext); then translate, and `make translations`.
# makemessages puts the strings of an app that has a locale/ folder into that app's catalog.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages $(LANGS) --no-obsolete -i ".venv/*" -i "static/*" -i "tests/*" -i "bench/*"

# `make demo PORT=8001` serves on another port, and the e-mailed and printed links follow it (SITE_URL, unless
# set in the environment); `make demo RESET=1` deletes the demo and loads it again on today's calendar.
PORT ?= 8000
SITE_URL ?= http://127.0.0.1:$(PORT)

demo: install
	$(PY) manage.py migrate --no-input
	SITE_URL=$(SITE_URL) $(PY) manage.py seed_demo $(if $(RESET),--reset)
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The suite runs in TEST_WORKERS processes (pytest-xdist; each has its own test database and Redis databases) in
# random order (pytest-randomly; `-p no:randomly` turns it off, `-p randomly -p "randomly_seed=N"` repeats one).
# `--dist worksteal`: a worker that runs out of tests takes some of the other's, so the slow ones (real Celery
# workers, browsers, seed_scale) do not queue up behind one process at the end.
TEST_WORKERS ?= 2
test: install
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(PY) -m ruff check .

# The deploy check with production settings and a throw-away key.
check-deploy: install
	DJANGO_ENV=production ALLOWED_HOSTS=ccrs.example.org \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	$(PY) manage.py check --deploy --fail-level WARNING

worker: install
	$(VENV)/bin/celery -A ccrs worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A ccrs beat --loglevel=INFO

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
