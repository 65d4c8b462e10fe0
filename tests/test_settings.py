"""Configuration from the environment: production refuses unsafe settings and passes the deploy check."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(args, **env):
    unset = {"DJANGO_ENV", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "key",
    ["", "django-insecure-ccrs-development-key-never-use-in-production", "django-insecure-" + "x" * 60, "short"],
)
def test_production_refuses_a_development_secret_key(key):
    result = run(["check"], DJANGO_ENV="production", SECRET_KEY=key, ALLOWED_HOSTS="ccrs.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = run(["check"], DJANGO_ENV="production", SECRET_KEY=secrets.token_urlsafe(64), DEBUG="true")
    assert result.returncode != 0 and "DEBUG must be off" in result.stderr


PRODUCTION = {
    "DJANGO_ENV": "production",
    "ALLOWED_HOSTS": "ccrs.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_URL": "smtp+tls://ccrs@smtp.example.org:587",
}


def test_production_passes_the_deploy_check():
    result = run(["check", "--deploy", "--fail-level", "WARNING"], SECRET_KEY=secrets.token_urlsafe(64), **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


def test_deploy_check_warns_when_each_process_has_its_own_cache():
    """Without REDIS_URL every gunicorn worker keeps its own lock-out counters: the deploy check says so."""
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=secrets.token_urlsafe(64),
        **{**PRODUCTION, "REDIS_URL": ""},
    )
    assert result.returncode != 0
    assert "ccrs.W001" in result.stderr and "REDIS_URL" in result.stderr
    assert "ccrs.W002" not in result.stderr


def test_deploy_check_warns_when_mail_is_not_delivered():
    """Verification codes go by e-mail: a console mail backend in production is a warning."""
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=secrets.token_urlsafe(64),
        **{**PRODUCTION, "EMAIL_URL": "consolemail://"},
    )
    assert result.returncode != 0 and "ccrs.W002" in result.stderr and "ccrs.W001" not in result.stderr


@pytest.mark.parametrize("args", [["seed_demo"], ["seed_demo", "--reset"]])
def test_seed_demo_refuses_production(args):
    """Neither loading nor deleting and reloading the demo runs with DJANGO_ENV=production."""
    result = run(args, DJANGO_ENV="production", SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="x.org")
    assert result.returncode != 0 and "refuses" in result.stderr


def test_unset_database_url_means_sqlite_in_the_project_folder():
    code = "from django.conf import settings; d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split()[-2:] == ["django.db.backends.sqlite3", str(ROOT / "db.sqlite3")]
