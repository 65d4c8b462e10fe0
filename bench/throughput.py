"""Throughput of the real server: gunicorn on PostgreSQL and Redis with seed_demo + seed_scale data.

Creates the PostgreSQL database `bench_speed_throughput` (dropped first), migrates it and loads seed_demo and
seed_scale --factor N, starts gunicorn (2 workers, persistent database connections) on loopback with Redis for
the cache (db 13) and the broker (db 12), signs in the demo roles through the login form, then drives a fixed
number of concurrent clients (httpx, async) for a fixed time against /healthz and each dashboard, list and public
form. Prints requests per second, p50 and p95 per page and each page's ratio to /healthz in the same run.
Asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/throughput.py --factor 2

`--servers 2` then starts two gunicorns on two ports and two Celery workers, all sharing the database and Redis,
and shows that they hold as one program: a session made on one server is good on the other; a login lock-out
earned on one applies on the other; a personal link's rate limit counts the posts to both; a report asked for
ten times on both is built once; 60 people registering at once for a 10-seat event over both get 10 seats and
50 waitlist places, and 6 cancellations promote 6 different people; 100 public-form submissions, each sent to
both at the same instant, are stored once each. Each line ends in "holds" or "FAILS".

After the pages, 100 stakeholders each open the survey, think 2-5 s and submit it, again and again for 30 s
(--stakeholders, --think-seconds): the GET and POST p50 and p95 (goal: p95 under 300 ms), every form stored.
"""

import argparse
import asyncio
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from live import (  # noqa: E402 - after the path
    LEAD,
    REDIS,
    STAFF,
    STAKEHOLDER,
    public_pages,
    sign_in,
    start_server,
    start_worker,
    stop_server,
    survey_answers,
    verdict,
    wait_for_workers,
)
from two_servers import two_servers  # noqa: E402 - after the path

DATABASE = "bench_speed_throughput"

# (label, role, path); public forms are added from the demo's links.
PAGES = [
    ("/healthz", None, "/healthz"),
    ("program dashboard", STAFF, "/program/"),
    ("city dashboard (Can Tho lead)", LEAD, "/cities/can-tho/"),
    ("city list", STAFF, "/cities/"),
    ("applications", STAFF, "/cities/applications/"),
    ("sector overview", STAFF, "/sectors/"),
    ("pilot list", STAFF, "/pilots/"),
    ("pilot review queue", STAFF, "/pilots/queue/"),
    ("co-creation processes (Can Tho)", LEAD, "/cocreation/city/can-tho/"),
    ("stakeholders (Can Tho)", LEAD, "/cocreation/city/can-tho/stakeholders/"),
    ("invitations (stakeholder)", STAKEHOLDER, "/invitations/"),
]


async def drive(clients, operation, seconds: float) -> dict:
    """Run `operation(client)` in a loop on every client for `seconds`; requests/s, p50 and p95 in ms."""
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds

    async def loop(client):
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            status = await operation(client)
            latencies.append(time.perf_counter() - started)
            if status >= 400:
                errors.append(status)

    started = time.perf_counter()
    await asyncio.gather(*(loop(client) for client in clients))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": 1000 * statistics.median(latencies) if latencies else 0,
        "p95": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0,
        "count": len(latencies),
        "errors": len(errors),
        "statuses": sorted(set(errors)),
    }


async def run_pages(base: str, pages, *, concurrency: int, seconds: float, password: str) -> list:
    import httpx

    signed_in = {}
    rows = []
    for label, role, path, kind in pages:
        if role and role not in signed_in:
            signed_in[role] = await sign_in(base, role, password)
        clients = []
        for _n in range(concurrency):
            client = httpx.AsyncClient(base_url=base, timeout=60, follow_redirects=False)
            if role:
                client.cookies = httpx.Cookies(signed_in[role].cookies)
            clients.append(client)

        async def get(client, path=path):
            return (await client.get(path)).status_code

        async def survey_post(client, path=path):
            form = await client.get(path)
            response = await client.post(path, data=survey_answers(form.text), headers={"Referer": base + path})
            return response.status_code if response.status_code != 302 else 200

        operation = survey_post if kind == "post" else get
        result = await drive(clients, operation, seconds)
        rows.append((label, path, result))
        for client in clients:
            await client.aclose()
    for client in signed_in.values():
        await client.aclose()
    return rows


def print_table(rows, *, factor: int, concurrency: int, seconds: float) -> None:
    health = next(r for label, _p, r in rows if label == "/healthz")["rps"]
    print(f"\nseed_scale --factor {factor}, gunicorn 2 workers, {concurrency} clients, {seconds:g} s per page")
    print(f"| {'page':<38} | {'requests/s':>10} | {'p50 ms':>7} | {'p95 ms':>7} | {'× /healthz':>10} | errors |")
    print(f"|{'-' * 40}|{'-' * 12}:|{'-' * 8}:|{'-' * 8}:|{'-' * 11}:|-------:|")
    for label, _path, r in rows:
        errors = f"{r['errors']} {r['statuses']}" if r["errors"] else "0"
        print(
            f"| {label:<38} | {r['rps']:>10.1f} | {r['p50']:>7.0f} | {r['p95']:>7.0f} | {r['rps'] / health:>10.2f} "
            f"| {errors} |"
        )


async def stakeholders_thinking(base: str, survey: str, *, people: int, seconds: float) -> dict:
    """`people` stakeholders, each opening the survey, thinking 2-5 s, submitting it, and again, for `seconds`;
    the GET and POST latencies' p50 and p95 in ms, and the forms sent."""
    import random

    import httpx

    rng = random.Random(15)
    opened, sent, statuses = [], [], []
    deadline = time.perf_counter() + seconds

    async def stakeholder(client):
        await asyncio.sleep(rng.uniform(0, 5))  # they do not all arrive in the same second
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            form = await client.get(survey)
            opened.append(time.perf_counter() - started)
            await asyncio.sleep(rng.uniform(2, 5))
            started = time.perf_counter()
            response = await client.post(survey, data=survey_answers(form.text))
            sent.append(time.perf_counter() - started)
            statuses.append(response.status_code)

    clients = [httpx.AsyncClient(base_url=base, timeout=60) for _n in range(people)]
    await asyncio.gather(*(stakeholder(client) for client in clients))
    for client in clients:
        await client.aclose()

    def quantiles(values):
        values = sorted(values)
        if not values:  # none came back within the run (an overloaded machine)
            return float("nan"), float("nan")
        return 1000 * statistics.median(values), 1000 * values[int(0.95 * (len(values) - 1))]

    return {"get": quantiles(opened), "post": quantiles(sent), "sent": len(sent), "statuses": sorted(set(statuses))}


def think_time_run(base: str, *, people: int = 100, seconds: float = 30) -> None:
    from sectors.models import SurveyResponse

    survey = next((path for _label, _role, path, kind in public_pages() if kind == "post"), None)
    if survey is None:
        print("no public survey in the demo: the think-time run not tried")
        return
    before = SurveyResponse.objects.count()
    result = asyncio.run(stakeholders_thinking(base, survey, people=people, seconds=seconds))
    stored = SurveyResponse.objects.count() - before
    (get50, get95), (post50, post95) = result["get"], result["post"]
    print(
        f"\n{people} stakeholders, each opening and submitting the survey with 2-5 s of thought, for {seconds:g} s: "
        f"GET p50 {get50:.0f} ms, p95 {get95:.0f} ms; POST p50 {post50:.0f} ms, p95 {post95:.0f} ms "
        f"(goal: p95 under 300 ms: {verdict(max(get95, post95) < 300)}); {result['sent']} forms sent, answers "
        f"{result['statuses']}, {stored} stored: {verdict(stored == result['sent'])}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--servers", type=int, default=1, choices=[1, 2])
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--reuse", action="store_true", help="keep the database of the last run")
    parser.add_argument("--database", default=DATABASE, help=f"the database to build or reuse (default {DATABASE})")
    parser.add_argument("--no-pages", action="store_true", help="only the two-server checks (with --servers 2)")
    parser.add_argument("--stakeholders", type=int, default=100, help="stakeholders of the think-time run")
    parser.add_argument("--think-seconds", type=float, default=30.0, help="length of the think-time run")
    parser.add_argument(
        "--link-rate", type=int, default=6, help="a personal link's posts per ten minutes (two servers)"
    )
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    os.environ["REDIS_URL"] = f"{REDIS}/13"
    os.environ["CELERY_BROKER_URL"] = f"{REDIS}/12"

    import common

    url, vendor = common.bench_database_url(args.database)
    if vendor != "postgresql":
        raise SystemExit("set DATABASE_URL to a PostgreSQL server: the benchmark creates its own database there")
    if args.reuse:
        common.reuse(args.database)
    else:
        started = time.perf_counter()
        common.prepare(args.factor, database=args.database)
        print(f"database {args.database} loaded in {time.perf_counter() - started:.0f} s")
    from django.core.cache import cache

    from ccrs.demo import DEMO_PASSWORD

    logging.getLogger("httpx").setLevel(logging.WARNING)  # Django's logging would print every request

    cache.clear()  # no rate-limit counts left from an earlier run
    pages = [(label, role, path, "get") for label, role, path in PAGES] + public_pages()
    bases = [f"http://127.0.0.1:{args.port + n}" for n in range(args.servers)]
    if not args.no_pages:
        server = start_server(url, args.port, args.workers)
        try:
            rows = asyncio.run(
                run_pages(bases[0], pages, concurrency=args.clients, seconds=args.seconds, password=DEMO_PASSWORD)
            )
            print_table(rows, factor=args.factor, concurrency=args.clients, seconds=args.seconds)
            think_time_run(bases[0], people=args.stakeholders, seconds=args.think_seconds)
        finally:
            stop_server(server)
    if args.servers == 2:
        cache.clear()
        names = ["worker1@bench", "worker2@bench"]
        processes = [start_worker(url, name) for name in names]
        try:
            processes += [start_server(url, args.port + n, args.workers, link_rate=args.link_rate) for n in range(2)]
            wait_for_workers(names)
            print(f"\ntwo servers ({', '.join(bases)}) and two Celery workers on one PostgreSQL and one Redis")
            two_servers(bases, DEMO_PASSWORD, link_rate=args.link_rate)
        finally:
            for process in processes:
                stop_server(process)


if __name__ == "__main__":
    main()
