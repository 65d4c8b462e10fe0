"""What the benchmarks on seed_scale data share: a fresh database of their own (PostgreSQL when DATABASE_URL names
PostgreSQL, else a temporary SQLite file) with seed_demo loaded, the command line's --factor and --runs, and the
timing of pages through Django's test client (median and p95 of N requests, and the queries of one). Used by
bench/pages.py, cities.py, pilots.py, cocreation_pages.py, case_studies.py, network.py, reports.py and
throughput.py; the live servers are in bench/live.py."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def bench_database_url(database: str = "ccrs_bench") -> tuple[str, str]:
    """The URL of the benchmark's own database on DATABASE_URL's PostgreSQL server, else a SQLite file; and the
    vendor."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        return urlunsplit(parts._replace(path=f"/{database}")), "postgresql"
    return f"sqlite:///{tempfile.gettempdir()}/{database}.sqlite3", "sqlite"


def fresh_database(database: str) -> str:
    """`database` dropped and made again, Django set up on it, migrated and seed_demo loaded; the vendor."""
    import django
    from django.core.management import call_command

    url, vendor = bench_database_url(database)
    if vendor == "postgresql":
        import psycopg

        admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {database}")
            conn.execute(f"CREATE DATABASE {database}")
    else:
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    return vendor


def prepare(factor: int, database: str = "ccrs_bench") -> tuple[str, float]:
    """A fresh benchmark database with seed_demo and seed_scale --factor N; (vendor, seconds seed_scale took)."""
    from django.core.management import call_command

    vendor = fresh_database(database)
    started = time.perf_counter()
    call_command("seed_scale", factor=factor, verbosity=0)
    seconds = time.perf_counter() - started
    if vendor == "postgresql":
        # The planner's statistics, as autovacuum would have them on a live server: without them, right after
        # seed_scale, it plans for empty tables (a stakeholder's invitations took 546 ms at factor 4, 0.3 ms after).
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return vendor, seconds


def reuse(database: str = "ccrs_bench") -> tuple[str, float]:
    """Django set up on a benchmark database built before (by `prepare`); (vendor, 0 seconds of seed_scale)."""
    import django

    url, vendor = bench_database_url(database)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
    django.setup()
    return vendor, 0.0


def arguments(doc: str, *, factor: int, runs: int, runs_help: str = "requests per page") -> argparse.ArgumentParser:
    """A command line described by the first line of `doc`, with the seed_scale factor and the runs."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--factor", type=int, default=factor, help=f"seed_scale size factor (default {factor})")
    parser.add_argument("--runs", type=int, default=runs, help=f"{runs_help} (default {runs})")
    return parser


def median_p95(timings: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile of `timings`."""
    timings = sorted(timings)
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def measure(pages, runs: int, *, cpu: bool = False) -> list[tuple]:
    """(label, url, queries, median ms, p95 ms) of each (label, e-mail or None, url) of `pages`, requested `runs`
    times (after a warm-up) by a test client signed in as that person, or anonymous; with `cpu`, also the median
    CPU ms of this process per request (steadier than wall time on a busy machine)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

    from ccrs.models import User

    setup_test_environment()
    rows = []
    try:
        for label, email, url in pages:
            client = Client()
            if email:
                client.force_login(User.objects.get(email=email), backend=LOGIN_BACKEND)
            client.get(url)  # warm up
            timings, cpu_times = [], []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as queries:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                    cpu_times.append((time.process_time() - started_cpu) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            row = (label, url, len(queries), *median_p95(timings))
            rows.append((*row, statistics.median(cpu_times)) if cpu else row)
    finally:
        teardown_test_environment()
    return rows
