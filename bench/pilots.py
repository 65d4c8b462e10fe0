"""Benchmark of the pilot pages on seed_scale data: queries and response time per page and export.

Runs on its own database (PostgreSQL `ccrs_bench_pilots` when DATABASE_URL names PostgreSQL,
else a temporary SQLite file), loads seed_demo plus seed_scale --factor N (2,048 pilot updates
per unit), then requests each page as its role through Django's test client and times the
reminder task's service. Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/pilots.py --factor 4
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up and page timing of the benchmarks

DATABASE = "ccrs_bench_pilots"


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
    args = common.arguments(__doc__, factor=4, runs=20).parse_args()
    vendor, seed_seconds = common.prepare(args.factor, DATABASE)
    from pilots.models import Pilot, Update

    print(
        f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s; "
        f"{Pilot.objects.count()} pilots, {Update.objects.count()} updates; {args.runs} requests per page"
    )
    print(f"{'page':<20} {'url':<32} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, url, queries, median, p95 in common.measure(pages(), args.runs):
        print(f"{label:<20} {url:<32} {queries:>7} {median:>9.1f} {p95:>7.1f}")
    sent, ms = reminders()
    print(f"period reminders: {sent} e-mails in {ms:.0f} ms")


if __name__ == "__main__":
    main()
