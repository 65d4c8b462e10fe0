"""Benchmark of report generation on seed_scale data: wall time and peak memory of each report.

Runs on its own database (PostgreSQL `ccrs_bench_reports` when DATABASE_URL names PostgreSQL,
else a temporary SQLite file), loads seed_demo plus seed_scale --factor N (32 cities in 4 cohorts
of 8, and about 90,000 exportable rows, per unit), then builds each report through the same
service a worker runs, each in a fresh process so that its peak resident memory is its own.
Prints a table; asserts nothing. Goals: the program PDF of a cohort of eight cities under 10 s,
the full export (200,000 rows or more) under 300 MB peak memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/reports.py --factor 3
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up of the benchmarks

DATABASE = "ccrs_bench_reports"
CASES = {
    "program-cohort-pdf": ("program", "pdf", "cohort"),
    "program-all-pdf": ("program", "pdf", None),
    "program-all-xlsx": ("program", "xlsx", None),
    "data-export-xlsx": ("data_export", "xlsx", None),
}


def bench_database_url():
    return common.bench_database_url(DATABASE)


def prepare(factor):
    vendor, seconds = common.prepare(factor, DATABASE)
    return vendor, bench_database_url()[0], seconds


def peak_mb() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec; ru_maxrss would carry over the
    parent's high-water mark (the parent seeded the database), so it is only the fallback."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_case(name):
    """In a child process: build one report through the services and print its figures as JSON."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
    django.setup()
    from django.conf import settings

    from ccrs import services
    from ccrs.models import Report, User
    from cities.models import City, Cohort

    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ccrs-bench-reports-"))
    kind, fmt, scope = CASES[name]
    object_id = None
    if scope == "cohort":
        cohort = Cohort.objects.filter(cities__isnull=False).order_by("-pk").first()
        object_id = cohort.pk
        cities = City.objects.filter(cohort=cohort).count()
    else:
        cities = City.objects.count()
    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    Report.objects.filter(kind=kind).delete()
    started = time.perf_counter()  # without a broker the task runs in-process, inside report_request
    report = services.report_request(user=staff, kind=kind, format=fmt, object_id=object_id, language="en")
    services.report_build(report_id=report.pk)  # a no-op when it already ran; as a worker would
    seconds = time.perf_counter() - started
    peak = peak_mb()
    report.refresh_from_db()
    rows = None
    if fmt == "xlsx":
        from openpyxl import load_workbook

        with report.file.open("rb") as handle:
            book = load_workbook(handle, read_only=True)
            rows = sum(sum(1 for _row in sheet.iter_rows(values_only=True)) - 1 for sheet in book.worksheets)
    print(json.dumps({
        "status": report.status, "error": report.error, "seconds": seconds, "peak_mb": peak,
        "size_kb": report.file.size / 1024 if report.file else 0, "rows": rows, "cities": cities,
    }))  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=3, help="seed_scale size factor (default 3)")
    parser.add_argument("--reuse", action="store_true", help="keep the benchmark database of an earlier run")
    parser.add_argument("--case", choices=sorted(CASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args.case)
        return
    if args.reuse:
        url, vendor = bench_database_url()
        print(f"database: {vendor}, reused")
    else:
        vendor, url, seed_seconds = prepare(args.factor)
        print(f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s")
    print(f"{'report':<22} {'cities':>6} {'rows':>8} {'status':<10} {'wall s':>7} {'peak MB':>8} {'file KB':>8}")
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("CELERY_BROKER_URL", None)  # the build runs here, in-process, as a worker would
    for name in CASES:
        out = subprocess.run(  # noqa: S603 (this very script, with a fixed case name)
            [sys.executable, __file__, "--case", name], env=env, capture_output=True, text=True, check=True
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        rows = "" if r["rows"] is None else f"{r['rows']:,}"
        print(
            f"{name:<22} {r['cities']:>6} {rows:>8} {r['status']:<10} {r['seconds']:>7.2f} "
            f"{r['peak_mb']:>8.0f} {r['size_kb']:>8.0f}" + (f"  {r['error']}" if r["error"] else "")
        )


if __name__ == "__main__":
    main()
