"""Benchmark of the cities app's pages on seed_scale data: queries and response time per page.

Uses bench/pages.py's method on its own database (PostgreSQL `ccrs_bench_cities` when
DATABASE_URL names PostgreSQL, else a temporary SQLite file), and also times the cohort export.
Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/cities.py --factor 4
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402

PAGES = [
    ("program dashboard", "staff@ccrs.demo", "/program/"),
    ("city list", "staff@ccrs.demo", "/cities/"),
    ("city dashboard", "lead.cantho@ccrs.demo", "/cities/can-tho/"),
    ("applications", "staff@ccrs.demo", "/cities/applications/"),
    ("application", "staff@ccrs.demo", "/cities/applications/{can_tho}/"),
    ("review", "staff@ccrs.demo", "/cities/applications/{quy_nhon}/review/"),
    ("profile", "lead.cantho@ccrs.demo", "/cities/can-tho/profile/"),
    ("onboarding", "lead.cantho@ccrs.demo", "/cities/can-tho/onboarding/"),
    ("export xlsx", "staff@ccrs.demo", "/cities/cohorts/{scale_cohort}/export.xlsx"),
    ("export csv", "staff@ccrs.demo", "/cities/cohorts/{scale_cohort}/export.csv"),
]


def bench_database_url():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return urlunsplit(urlsplit(url)._replace(path="/ccrs_bench_cities")), "postgresql"
    return f"sqlite:///{tempfile.gettempdir()}/ccrs_bench_cities.sqlite3", "sqlite"


def prepare(factor):
    """A fresh database with seed_demo and seed_scale --factor N; returns (vendor, seconds of seed_scale)."""
    import django
    from django.core.management import call_command

    url, vendor = bench_database_url()
    if vendor == "postgresql":
        import psycopg

        admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS ccrs_bench_cities")
            conn.execute("CREATE DATABASE ccrs_bench_cities")
    else:
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    started = time.perf_counter()
    call_command("seed_scale", factor=factor, verbosity=0)
    return vendor, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=4, help="seed_scale size factor (default 4)")
    parser.add_argument("--runs", type=int, default=20, help="requests per page (default 20)")
    args = parser.parse_args()
    vendor, seed_seconds = prepare(args.factor)
    from cities.models import Application, City, Cohort

    ids = {
        "can_tho": Application.objects.get(city_name="Can Tho").pk,
        "quy_nhon": Application.objects.get(city_name="Quy Nhon").pk,
        "scale_cohort": Cohort.objects.filter(name__startswith="Scale cohort").order_by("pk").first().pk,
    }
    pages.PAGES = [(label, email, url.format(**ids)) for label, email, url in PAGES]
    print(
        f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s; "
        f"{City.objects.count()} cities, {Application.objects.count()} applications; {args.runs} requests per page"
    )
    print(f"{'page':<18} {'url':<36} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, url, queries, median, p95 in pages.measure(args.runs):
        print(f"{label:<18} {url:<36} {queries:>7} {median:>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
