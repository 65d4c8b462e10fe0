"""Benchmark of the peer network on seed_scale data: the library search's median and p95 time over queries in the
five languages (goal: under 50 ms at 10,000 resources on PostgreSQL), then the hourly digest run for --members
people (goal: 5,000).

Runs on its own database (PostgreSQL `ccrs_bench_network` when DATABASE_URL names PostgreSQL, else a temporary
SQLite file): migrate, seed_demo, then the library's seed_scale at --factor (2,000 resources per unit; the
default 5 makes 10,000). Each query is run as the list page runs it (the count, the ranked page with its
highlighted snippets and tags), and the whole page through Django's test client. For the digests, --members
people (half in Bangkok, UTC+7, half in Melaka, UTC+8) each follow three of 200 topics with replies from the
last day: the run at 07:00 in Bangkok sends Bangkok's digests, the run an hour earlier Melaka's, and a second
run sends nothing. Prints two tables; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/network.py --factor 5 --members 5000
"""

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402 - the shared database set-up and timing of the benchmarks

DATABASE = "ccrs_bench_network"
BANGKOK_SEVEN = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # Monday 07:00 in Bangkok (UTC+7)
MELAKA_SEVEN = BANGKOK_SEVEN - timedelta(hours=1)  # Monday 07:00 in Melaka (UTC+8)

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
    vendor = common.fresh_database(database)
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
    return *common.median_p95(times), result


def library_search(runs: int) -> list[tuple]:
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from ccrs.models import User
    from network.selectors.library import library_page

    setup_test_environment()
    reader = User.objects.get(email="network@ccrs.demo")
    client = Client()
    client.force_login(reader, backend=common.LOGIN_BACKEND)
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


def digest_seed(members: int):
    """`members` people with a daily digest, following three of 200 topics with five replies each."""
    import time_machine
    from django.contrib.auth.hashers import make_password

    from ccrs.models import User
    from network import markup
    from network.models import Category, MemberProfile, NotificationPreference, Post, Topic

    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(email=f"digest{i:05d}@bench.ccrs", full_name=f"Member {i}", is_network_member=True, password=unusable)
            for i in range(members)
        ],
        batch_size=2000,
    )
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(user=u, time_zone="Asia/Bangkok" if i % 2 else "Asia/Kuala_Lumpur")
            for i, u in enumerate(users)
        ],
        batch_size=2000,
    )
    NotificationPreference.objects.bulk_create([NotificationPreference(user=u) for u in users], batch_size=2000)
    category = Category.objects.create(slug="bench", name="Bench")
    html = markup.render("A reply")
    with time_machine.travel(BANGKOK_SEVEN - timedelta(hours=10), tick=False):
        topics = Topic.objects.bulk_create(
            [
                Topic(category=category, title=f"Topic {i}", author=users[i], last_post_at=BANGKOK_SEVEN)
                for i in range(200)
            ]
        )
        Post.objects.bulk_create(
            [Post(topic=t, opening=True, author=t.author, body_markdown="Opening", body_html=html) for t in topics]
            + [
                Post(topic=t, author=users[-1 - n], body_markdown="A reply", body_html=html)
                for t in topics
                for n in range(5)
            ],
            batch_size=2000,
        )
    through = Topic.followers.through
    through.objects.bulk_create(
        [through(topic_id=topics[(i * 7 + k) % 200].pk, user_id=u.pk) for i, u in enumerate(users) for k in range(3)],
        batch_size=5000,
    )


def digest_run(now) -> tuple[int, float, int]:
    """One hourly run at `now`: (digests sent, seconds, queries)."""
    from django.core import mail
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from network.services.digests import digests_send

    mail.outbox = []
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        sent = digests_send(now=now)
        seconds = time.perf_counter() - started
    return sent, seconds, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=5, help="units of 2,000 scale resources (5 = 10,000)")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query")
    parser.add_argument("--members", type=int, default=5000, help="people in the digest run (0 leaves it out)")
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
    if args.members:
        os.environ["EMAIL_URL"] = "memorymail://"
        started = time.perf_counter()
        digest_seed(args.members)
        seeding = time.perf_counter() - started
        runs = [
            ("06:00 Bangkok / 07:00 Melaka", *digest_run(MELAKA_SEVEN)),
            ("07:00 Bangkok / 08:00 Melaka", *digest_run(BANGKOK_SEVEN)),
            ("07:00 Bangkok again (idempotent)", *digest_run(BANGKOK_SEVEN)),
        ]
        print()
        print(f"digest runs, {args.members:,} members on {vendor} (seeded in {seeding:.1f} s)")
        print("run | digests sent | seconds | ms per digest | queries")
        print("--- | --- | --- | --- | ---")
        for label, sent, seconds, queries in runs:
            per = f"{seconds * 1000 / sent:.1f}" if sent else "-"
            print(f"{label} | {sent:,} | {seconds:.2f} | {per} | {queries:,}")


if __name__ == "__main__":
    main()
