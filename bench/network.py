"""Benchmark of the peer network on seed_scale data: the library search's median and p95 time over queries in the
five languages (goal: under 50 ms at 10,000 resources on PostgreSQL).

Runs on its own database (PostgreSQL `ccrs_bench_network` when DATABASE_URL names PostgreSQL, else a temporary
SQLite file): migrate, seed_demo, then the library's seed_scale at --factor (2,000 resources per unit; the
default 5 makes 10,000). Each query is run as the list page runs it (the count, the ranked page with its
highlighted snippets and tags), and the whole page through Django's test client. Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/network.py --factor 5 --runs 30
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages import bench_database_url  # noqa: E402 - the shared database naming of the benchmarks

DATABASE = "ccrs_bench_network"

# (language, query, filters): words a member types, with and without diacritics, and with filters.
QUERIES = [
    ("en", "waste bank", {}),
    ("en", "waterfront tourism", {}),
    ("en", "flood", {"kind": "report"}),
    ("vi", "phân loại rác", {}),
    ("vi", "phan loai rac", {}),
    ("vi", "ngân hàng rác", {"language": "vi"}),
    ("th", "ริมน้ำ", {}),
    ("th", "คัดแยกขยะ", {}),
    ("th", "ตลาดน้ำ", {"language": "th"}),
    ("id", "bank sampah", {}),
    ("id", "pewarna alami", {}),
    ("ms", "pengasingan sisa", {}),
    ("ms", "tepi sungai", {}),
    ("-", "", {}),
    ("-", "'; & | ! :*", {}),
]


def prepare(factor: int, database: str = DATABASE) -> tuple[str, float]:
    """A fresh database with the demo and `factor` units of the scale library; (vendor, seconds of seeding)."""
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
    from network.demo import library

    started = time.perf_counter()
    library.seed_scale(factor=factor, log=lambda _message: None)
    if vendor == "postgresql":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE network_resource")
    return vendor, time.perf_counter() - started


def timed(function, runs: int) -> tuple[float, float, object]:
    """Median and p95 of `runs` calls in milliseconds (after one warm-up call), and the last result."""
    result = function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], result


def library_search(runs: int) -> list[tuple]:
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from ccrs.models import User
    from network.selectors.library import library_page

    setup_test_environment()
    reader = User.objects.get(email="network@ccrs.demo")
    client = Client()
    client.force_login(reader, backend="allauth.account.auth_backends.AuthenticationBackend")
    rows = []
    for language, query, filters in QUERIES:

        def search(query=query, filters=filters):
            page = library_page(user=reader, query=query, filters=filters)
            return page["page"].paginator.count, len(page["rows"])

        median, p95, (count, _shown) = timed(search, runs)
        url = f"{reverse('network:resource_list')}?{urlencode({'q': query, **filters})}"
        page_median, page_p95, _response = timed(lambda url=url: client.get(url), runs)
        rows.append((language, query or "(none)", str(filters or ""), count, median, p95, page_median, page_p95))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=5, help="units of 2,000 scale resources (5 = 10,000)")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query")
    parser.add_argument("--database", default=DATABASE, help="the benchmark's own database (dropped and made again)")
    args = parser.parse_args()
    vendor, seeded = prepare(args.factor, args.database)
    from network.models import Resource

    total = Resource.objects.count()
    print(f"library search on {vendor}: {total:,} resources (seeded in {seeded:.1f} s), {args.runs} runs per query")
    rows = library_search(args.runs)
    header = ("lang", "query", "filters", "matches", "search median ms", "search p95 ms", "page median", "page p95")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for language, query, filters, count, median, p95, page_median, page_p95 in rows:
        times = f"{median:.1f} | {p95:.1f} | {page_median:.1f} | {page_p95:.1f}"
        print(f"{language} | {query} | {filters} | {count:,} | {times}")
    medians = [row[4] for row in rows]
    p95s = [row[5] for row in rows]
    print(f"over all queries: median of medians {statistics.median(medians):.1f} ms, worst p95 {max(p95s):.1f} ms")


if __name__ == "__main__":
    main()
