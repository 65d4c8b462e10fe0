"""Benchmark of the pilot pages on seed_scale data: queries and response time per page and export.

Runs on its own database (PostgreSQL `ccrs_bench_pilots` when DATABASE_URL names PostgreSQL,
else a temporary SQLite file), loads seed_demo plus seed_scale --factor N (2,048 pilot updates
per unit), then requests each page as its role through Django's test client and times the
reminder task's service. Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/pilots.py --factor 4
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

DATABASE = "ccrs_bench_pilots"


def bench_database_url():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return urlunsplit(urlsplit(url)._replace(path=f"/{DATABASE}")), "postgresql"
    return f"sqlite:///{tempfile.gettempdir()}/{DATABASE}.sqlite3", "sqlite"


def prepare(factor):
    import django
    from django.core.management import call_command

    url, vendor = bench_database_url()
    if vendor == "postgresql":
        import psycopg

        admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
            conn.execute(f"CREATE DATABASE {DATABASE}")
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


def pages():
    from pilots.models import Pilot, Update, UpdateStatus

    pilot = Pilot.objects.get(city__slug="can-tho")
    update = Update.objects.filter(period__indicator__result__pilot=pilot, status=UpdateStatus.SUBMITTED).first()
    period = update.period
    return [
        ("pilot list", "staff@ccrs.demo", "/pilots/"),
        ("approval queue", "staff@ccrs.demo", "/pilots/queue/"),
        ("approval queue p.20", "staff@ccrs.demo", "/pilots/queue/?page=20"),
        ("pilot overview", "lead.cantho@ccrs.demo", f"/pilots/{pilot.pk}/"),
        ("results framework", "lead.cantho@ccrs.demo", f"/pilots/{pilot.pk}/results/"),
        ("update form", "officer.cantho@ccrs.demo", f"/pilots/periods/{period.pk}/report/"),
        ("update detail", "staff@ccrs.demo", f"/pilots/updates/{update.pk}/"),
        ("export xlsx", "staff@ccrs.demo", f"/pilots/{pilot.pk}/results.xlsx"),
        ("export iati xml", "staff@ccrs.demo", f"/pilots/{pilot.pk}/iati.xml"),
        ("city dashboard", "lead.cantho@ccrs.demo", "/cities/can-tho/"),
        ("program dashboard", "staff@ccrs.demo", "/program/"),
    ]


def measure(runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from ccrs.models import User

    setup_test_environment()
    rows = []
    for label, email, url in pages():
        client = Client()
        client.force_login(User.objects.get(email=email), backend="allauth.account.auth_backends.AuthenticationBackend")
        client.get(url)  # warm up
        timings = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        rows.append((label, url, len(queries), statistics.median(timings), timings[int(len(timings) * 0.95) - 1]))
    return rows


def reminders():
    """Time the reminder service once over every period of the scale data (as if all ended within a week)."""
    from django.core import mail
    from django.db.models import Max

    from pilots import services
    from pilots.models import Period

    mail.outbox = []
    last_end = Period.objects.aggregate(last=Max("end"))["last"]
    started = time.perf_counter()
    sent = services.period_reminders_send(today=last_end)
    return sent, (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=4, help="seed_scale size factor (default 4)")
    parser.add_argument("--runs", type=int, default=20, help="requests per page (default 20)")
    args = parser.parse_args()
    vendor, seed_seconds = prepare(args.factor)
    from pilots.models import Pilot, Update

    print(
        f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s; "
        f"{Pilot.objects.count()} pilots, {Update.objects.count()} updates; {args.runs} requests per page"
    )
    print(f"{'page':<20} {'url':<32} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, url, queries, median, p95 in measure(args.runs):
        print(f"{label:<20} {url:<32} {queries:>7} {median:>9.1f} {p95:>7.1f}")
    sent, ms = reminders()
    print(f"period reminders: {sent} e-mails in {ms:.0f} ms")


if __name__ == "__main__":
    main()
