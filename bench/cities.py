"""Benchmark of the cities app's pages on seed_scale data: queries and response time per page.

Uses bench/common.py's page timing on its own database (PostgreSQL `ccrs_bench_cities` when
DATABASE_URL names PostgreSQL, else a temporary SQLite file), and also times the cohort export.
Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/cities.py --factor 4
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up and page timing of the benchmarks

DATABASE = "ccrs_bench_cities"

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


def main():
    args = common.arguments(__doc__, factor=4, runs=20).parse_args()
    vendor, seed_seconds = common.prepare(args.factor, DATABASE)
    from cities.models import Application, City, Cohort

    ids = {
        "can_tho": Application.objects.get(city_name="Can Tho").pk,
        "quy_nhon": Application.objects.get(city_name="Quy Nhon").pk,
        "scale_cohort": Cohort.objects.filter(name__startswith="Scale cohort").order_by("pk").first().pk,
    }
    pages = [(label, email, url.format(**ids)) for label, email, url in PAGES]
    print(
        f"database: {vendor}; seed_scale --factor {args.factor} took {seed_seconds:.1f} s; "
        f"{City.objects.count()} cities, {Application.objects.count()} applications; {args.runs} requests per page"
    )
    print(f"{'page':<18} {'url':<36} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for label, url, queries, median, p95 in common.measure(pages, args.runs):
        print(f"{label:<18} {url:<36} {queries:>7} {median:>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
