"""Benchmark of the network's hourly digest run: 5,000 members (half in Bangkok, UTC+7, half in Melaka, UTC+8),
each following three of 200 topics with replies from the last day; the run at 07:00 in Bangkok sends Bangkok's
digests, the run an hour earlier Melaka's, and a second run sends nothing. Prints a table; asserts nothing.

Uses its own database (PostgreSQL `ccrs_bench_network_digest` when DATABASE_URL names PostgreSQL, else a
temporary SQLite file; BENCH_DB names another database, which it drops and creates).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs .venv/bin/python bench/network_digest.py --members 5000
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DB = os.environ.get("BENCH_DB", "ccrs_bench_network_digest")
BANGKOK_SEVEN = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
MELAKA_SEVEN = BANGKOK_SEVEN - timedelta(hours=1)


def prepare():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        url = urlunsplit(urlsplit(url)._replace(path=f"/{DB}"))
        admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB}")
            conn.execute(f"CREATE DATABASE {DB}")
    else:
        path = Path(tempfile.gettempdir()) / f"{DB}.sqlite3"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    os.environ["DATABASE_URL"] = url
    os.environ["EMAIL_URL"] = "memorymail://"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url.split(":", 1)[0]


def seed(members: int):
    import time_machine
    from django.contrib.auth.hashers import make_password

    from ccrs.models import User
    from network import markup
    from network.models import Category, MemberProfile, NotificationPreference, Post, Topic

    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(email=f"member{i:05d}@bench.ccrs", full_name=f"Member {i}", is_network_member=True, password=unusable)
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


def timed(now):
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
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=5000)
    args = parser.parse_args()
    vendor = prepare()
    started = time.perf_counter()
    seed(args.members)
    seeding = time.perf_counter() - started
    rows = [
        ("06:00 Bangkok / 07:00 Melaka", *timed(MELAKA_SEVEN)),
        ("07:00 Bangkok / 08:00 Melaka", *timed(BANGKOK_SEVEN)),
        ("07:00 Bangkok again (idempotent)", *timed(BANGKOK_SEVEN)),
    ]
    print(f"Digest run, {args.members} members on {vendor} (seeded in {seeding:.1f} s)")
    print(f"{'run':36} {'digests sent':>12} {'seconds':>9} {'queries':>9}")
    for label, sent, seconds, queries in rows:
        print(f"{label:36} {sent:>12} {seconds:>9.2f} {queries:>9}")


if __name__ == "__main__":
    main()
