"""Load test of the public input form: N simultaneous submissions through N distinct invitation links.

Against a real server: gunicorn (threads) on 127.0.0.1 with PostgreSQL. Creates its own database
(`<name of DATABASE_URL's database>_cocreation_bench`), one open workshop with three questions and
N invited stakeholders, starts gunicorn, then N client threads each open their link (GET, for the
CSRF cookie) and wait at a barrier so that all POSTs leave together. Afterwards it checks in the
database that every invitation has exactly one submission. Prints a table; asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccrs_wt5 .venv/bin/python bench/cocreation_submissions.py -n 120
"""

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prepare(count):
    import django
    import psycopg
    from django.core.management import call_command

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL=postgres://… : this load test runs on PostgreSQL.")
    parts = urlsplit(url)
    name = parts.path.strip("/") + "_cocreation_bench"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
    django.setup()
    call_command("migrate", verbosity=0)

    from datetime import timedelta

    from django.utils import timezone

    from ccrs.links import link_token
    from cities.models import City
    from cocreation import services
    from cocreation.models import Stakeholder, StakeholderInvitation

    city = City.objects.create(
        slug="can-tho", name="Can Tho", country="VN", time_zone="Asia/Ho_Chi_Minh", languages=["vi"]
    )
    process = services.process_create(city=city, title="Load test")
    now = timezone.now()
    workshop = services.workshop_schedule(
        process=process,
        title="Load test workshop",
        kind="ideation",
        starts_at=now,
        ends_at=now + timedelta(hours=2),
        input_closes_at=now + timedelta(days=1),
    )
    questions = [
        services.question_add(workshop=workshop, kind="short_text", text={"en": "Idea", "vi": "Ý tưởng"}),
        services.question_add(
            workshop=workshop,
            kind="single_choice",
            text={"en": "Where"},
            choices=[{"en": "Homes", "vi": "Hộ gia đình"}, {"en": "Markets", "vi": "Chợ"}],
        ),
        services.question_add(workshop=workshop, kind="rating", text={"en": "Urgency"}),
    ]
    services.workshop_open(workshop=workshop)
    people = Stakeholder.objects.bulk_create(
        [
            Stakeholder(city=city, name=f"SME {i}", email=f"sme{i}@load.example.vn", kind="sme", language="vi")
            for i in range(count)
        ]
    )
    invitations = StakeholderInvitation.objects.bulk_create(
        [
            StakeholderInvitation(workshop=workshop, stakeholder=p, expires_at=now + timedelta(days=2), sent_at=now)
            for p in people
        ]
    )
    links = [
        (inv.pk, f"/cocreation/respond/{link_token(services.STAKEHOLDER_INVITATION, inv)}/") for inv in invitations
    ]
    return links, questions, os.environ["DATABASE_URL"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url, port, workers, threads):
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false", "CONN_MAX_AGE": "0"}
    env.pop("CELERY_BROKER_URL", None)
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn with fixed arguments
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "ccrs.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def submit(base, link, questions, barrier, n):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + link, timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    short, choice, rating = questions
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            f"q{short.pk}": f"Ý tưởng số {n}",
            f"q{choice.pk}": str(n % 2),
            f"q{rating.pk}": str(1 + n % 5),
        }
    ).encode()
    request = urllib.request.Request(base + link, data=data, headers={"Referer": base + link})  # noqa: S310 - http://127.0.0.1 only
    barrier.wait()
    started = time.perf_counter()
    try:
        status = opener.open(request, timeout=120).status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=120, help="simultaneous submissions (distinct invitations)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args()
    links, questions, database_url = prepare(args.n)
    port = free_port()
    server = start_server(database_url, port, args.workers, args.threads)
    base = f"http://127.0.0.1:{port}"
    barrier = threading.Barrier(args.n)
    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.n) as pool:
            results = list(
                pool.map(lambda item: submit(base, item[1][1], questions, barrier, item[0]), enumerate(links))
            )
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    from django.db.models import Count

    from cocreation.models import Submission

    per_invitation = dict(
        Submission.objects.values("invitation_id").annotate(n=Count("pk")).values_list("invitation_id", "n")
    )
    invited = [pk for pk, _link in links]
    stored_once = sum(1 for pk in invited if per_invitation.get(pk) == 1)
    missing = sum(1 for pk in invited if pk not in per_invitation)
    twice = sum(1 for n in per_invitation.values() if n > 1)
    statuses = {}
    for status, _seconds in results:
        statuses[status] = statuses.get(status, 0) + 1
    times = sorted(seconds for _status, seconds in results)
    rows = [
        ("simultaneous submissions", args.n),
        ("server", f"gunicorn {args.workers} workers × {args.threads} threads, PostgreSQL"),
        ("HTTP statuses", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))),
        ("stored exactly once", stored_once),
        ("missing", missing),
        ("stored twice or more", twice),
        ("submission rows", Submission.objects.count()),
        ("POST latency p50 (ms)", f"{statistics.median(times) * 1000:.0f}"),
        ("POST latency p95 (ms)", f"{times[int(len(times) * 0.95) - 1] * 1000:.0f}"),
        ("POST latency max (ms)", f"{times[-1] * 1000:.0f}"),
        ("wall time (s)", f"{wall:.1f}"),
        ("verdict", "OK: every submission stored once" if stored_once == args.n and not twice else "FAILED"),
    ]
    width = max(len(k) for k, _v in rows)
    print(f"{'measure':<{width}} | value")
    print(f"{'-' * width}-+-{'-' * 40}")
    for key, value in rows:
        print(f"{key:<{width}} | {value}")


if __name__ == "__main__":
    main()
