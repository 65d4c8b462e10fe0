"""Benchmark of the foundation's pages on seed_scale data: queries and response time per page.

Runs on its own database (PostgreSQL `ccrs_bench` when DATABASE_URL names PostgreSQL, else a
temporary SQLite file), loads seed_demo plus seed_scale --factor N, then requests each page as
its role through Django's test client. Prints a table; asserts nothing. (The test client keeps
the connection open between requests whatever CONN_MAX_AGE says, so this measures the view,
its queries and its template, not connection set-up.)

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/pages.py --factor 4

`--factors 1 4` measures each factor on its own database (ccrs_bench1, ccrs_bench4; built unless `--reuse`), each
in a process of its own, and prints them side by side with the ratio of the medians (the goal: at most 1.5).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up and page timing of the benchmarks
from common import prepare, reuse  # noqa: E402

PAGES = [
    ("program dashboard", "staff@ccrs.demo", "/program/"),
    ("program, a cohort", "staff@ccrs.demo", "/program/?cohort=1"),
    ("benchmark", "staff@ccrs.demo", "/program/benchmark/"),
    ("benchmark (city team)", "lead.cantho@ccrs.demo", "/program/benchmark/"),
    ("city list", "staff@ccrs.demo", "/cities/"),
    ("city dashboard", "lead.cantho@ccrs.demo", "/cities/can-tho/"),
    ("city team", "lead.cantho@ccrs.demo", "/cities/can-tho/team/"),
    ("invitations", "stakeholder@ccrs.demo", "/invitations/"),
    ("health", None, "/healthz"),
]


def measure(runs, cpu=False):
    return common.measure(PAGES, runs, cpu=cpu)


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
    parser.add_argument("--factors", type=int, nargs=2, metavar=("SMALL", "LARGE"), help="two factors side by side")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one factor's rows, for --factors
    args = parser.parse_args()
    if args.factors:
        return side_by_side(args)
    vendor, seed_seconds = reuse(args.database) if args.reuse else prepare(args.factor, args.database)
    from ccrs.models import User
    from cities.models import City

    if args.json:
        rows = measure(args.runs, cpu=True)
        print(json.dumps({"cities": City.objects.count(), "people": User.objects.count(), "rows": rows}))
        return
    built = "reused" if args.reuse else f"seed_scale --factor {args.factor} took {seed_seconds:.1f} s"
    print(
        f"database: {vendor}; {built}; "
        f"{City.objects.count()} cities, {User.objects.count()} people; {args.runs} requests per page"
    )
    cpu_header = f" {'cpu ms':>7}" if args.cpu else ""
    print(f"{'page':<18} {'url':<24} {'queries':>7} {'median ms':>9} {'p95 ms':>7}{cpu_header}")
    for label, url, queries, median, p95, *cpu in measure(args.runs, cpu=args.cpu):
        cpu_column = f" {cpu[0]:>7.1f}" if cpu else ""
        print(f"{label:<18} {url:<24} {queries:>7} {median:>9.1f} {p95:>7.1f}{cpu_column}")


def side_by_side(args):
    """Each factor measured by a process of its own (Django set up on that factor's database), then one table."""
    found = {}
    for factor in args.factors:
        command = [sys.executable, __file__, "--factor", str(factor), "--database", f"{args.database}{factor}"]
        command += ["--runs", str(args.runs), "--json"] + (["--reuse"] if args.reuse else [])
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ).stdout  # noqa: S603
        found[factor] = json.loads(out.strip().splitlines()[-1])
    small, large = args.factors
    print(f"{args.runs} requests per page; median ms (CPU ms of the process); queries per page")
    print(
        f"| page | factor {small} ({found[small]['cities']} cities) | factor {large} ({found[large]['cities']} cities)"
        f" | × | queries |"
    )
    print("|---|---:|---:|---:|---:|")
    for one, other in zip(found[small]["rows"], found[large]["rows"], strict=True):
        label, _url, queries, median, _p95, cpu = one
        _label, _url, queries_large, median_large, _p95_large, cpu_large = other
        print(
            f"| {label} | {median:.1f} ({cpu:.1f}) | {median_large:.1f} ({cpu_large:.1f}) | "
            f"{median_large / median:.2f} | {queries} / {queries_large} |"
        )


if __name__ == "__main__":
    main()
