"""Benchmark of the foundation's pages on seed_scale data: queries and response time per page.

Runs on its own database (PostgreSQL `ccrs_bench` when DATABASE_URL names PostgreSQL, else a
temporary SQLite file), loads seed_demo plus seed_scale --factor N, then requests each page as
its role through Django's test client. Prints a table; asserts nothing. (The test client keeps
the connection open between requests whatever CONN_MAX_AGE says, so this measures the view,
its queries and its template, not connection set-up.)

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/pages.py --factor 4
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up and page timing of the benchmarks
from common import prepare  # noqa: E402

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


def measure(runs):
    return common.measure(PAGES, runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=4, help="seed_scale size factor (default 4)")
    parser.add_argument("--runs", type=int, default=50, help="requests per page (default 50)")
    parser.add_argument("--database", default="ccrs_bench", help="the database to build (default ccrs_bench)")
    args = parser.parse_args()
    vendor, seed_seconds = prepare(args.factor, args.database)
    from ccrs.models import User
    from cities.models import City

    print(
        f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s; "
        f"{City.objects.count()} cities, {User.objects.count()} people; {args.runs} requests per page"
    )
    print(f"{'page':<18} {'url':<24} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, url, queries, median, p95 in measure(args.runs):
        print(f"{label:<18} {url:<24} {queries:>7} {median:>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
