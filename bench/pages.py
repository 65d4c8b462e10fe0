"""Benchmark of the foundation's pages on seed_scale data: queries and response time per page.

Runs on its own database (PostgreSQL `ccrs_bench` when DATABASE_URL names PostgreSQL, else a
temporary SQLite file), loads seed_demo plus seed_scale --factor N, then requests each page as
its role through Django's test client. Prints a table; asserts nothing. (The test client keeps
the connection open between requests whatever CONN_MAX_AGE says, so this measures the view,
its queries and its template, not connection set-up.)

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/pages.py --factor 4
"""

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

PAGES = [
    ("program dashboard", "staff@ccrs.demo", "/program/"),
    ("benchmark", "staff@ccrs.demo", "/program/benchmark/"),
    ("benchmark (city team)", "lead.cantho@ccrs.demo", "/program/benchmark/"),
    ("city list", "staff@ccrs.demo", "/cities/"),
    ("city dashboard", "lead.cantho@ccrs.demo", "/cities/can-tho/"),
    ("city team", "lead.cantho@ccrs.demo", "/cities/can-tho/team/"),
    ("invitations", "stakeholder@ccrs.demo", "/invitations/"),
    ("health", None, "/healthz"),
]


def bench_database_url(database="ccrs_bench"):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        return urlunsplit(parts._replace(path=f"/{database}")), "postgresql"
    return f"sqlite:///{tempfile.gettempdir()}/{database}.sqlite3", "sqlite"


def prepare(factor, database="ccrs_bench"):
    """A fresh benchmark database with seed_demo and seed_scale --factor N; (vendor, seconds seed_scale took)."""
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


def reuse(database="ccrs_bench"):
    """Django set up on a benchmark database built before (by `prepare`); (vendor, 0 seconds of seed_scale)."""
    import django

    url, vendor = bench_database_url(database)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
    django.setup()
    return vendor, 0.0


def measure(runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from ccrs.models import User

    setup_test_environment()
    rows = []
    for label, email, url in PAGES:
        client = Client()
        if email:
            user = User.objects.get(email=email)
            client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        client.get(url)  # warm up
        timings, cpu = [], []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        rows.append(
            (
                label,
                url,
                len(queries),
                statistics.median(timings),
                timings[int(len(timings) * 0.95) - 1],
                statistics.median(cpu),
            )
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=4, help="seed_scale size factor (default 4)")
    parser.add_argument("--runs", type=int, default=50, help="requests per page (default 50)")
    parser.add_argument("--database", default="ccrs_bench", help="the database to build (default ccrs_bench)")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the database a previous run built, without building it again"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="also print the median CPU time of this process per request (steadier than wall time on a busy machine)",
    )
    args = parser.parse_args()
    vendor, seed_seconds = reuse(args.database) if args.reuse else prepare(args.factor, args.database)
    from ccrs.models import User
    from cities.models import City

    built = "reused" if args.reuse else f"seed_scale --factor {args.factor} took {seed_seconds:.1f} s"
    print(
        f"database: {vendor}; {built}; "
        f"{City.objects.count()} cities, {User.objects.count()} people; {args.runs} requests per page"
    )
    cpu_header = f" {'cpu ms':>7}" if args.cpu else ""
    print(f"{'page':<18} {'url':<24} {'queries':>7} {'median ms':>9} {'p95 ms':>7}{cpu_header}")
    for label, url, queries, median, p95, cpu in measure(args.runs):
        cpu_column = f" {cpu:>7.1f}" if args.cpu else ""
        print(f"{label:<18} {url:<24} {queries:>7} {median:>9.1f} {p95:>7.1f}{cpu_column}")


if __name__ == "__main__":
    main()
