"""Throughput of the real server: gunicorn on PostgreSQL and Redis with seed_demo + seed_scale data.

Creates the PostgreSQL database `bench_speed_throughput` (dropped first), migrates it and loads seed_demo and
seed_scale --factor N, starts gunicorn (2 workers, persistent database connections) on loopback with Redis for
the cache (db 13) and the broker (db 12), signs in the demo roles through the login form, then drives a fixed
number of concurrent clients (httpx, async) for a fixed time against /healthz and each dashboard, list and public
form. Prints requests per second, p50 and p95 per page and each page's ratio to /healthz in the same run.
Asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/throughput.py --factor 2

`--servers 2` starts two gunicorns on two ports sharing the database and Redis, and shows that a login
lock-out earned on one applies on the other and that public-form submissions spread over both are stored once.
"""

import argparse
import asyncio
import logging
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DATABASE = "bench_speed_throughput"
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379")
STAFF, LEAD, STAKEHOLDER = "staff@ccrs.demo", "lead.cantho@ccrs.demo", "stakeholder@ccrs.demo"

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
PUBLIC = [
    ("public SME survey", "sme survey"),
    ("workshop form (stakeholder)", "workshop form"),
    ("SME call form", "call"),
]


def server_env(url: str, port: int) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": f"{REDIS}/13",
        "CELERY_BROKER_URL": f"{REDIS}/12",
        "DEBUG": "false",
        "CONN_MAX_AGE": "600",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECTORS_SURVEY_RATE_PER_HOUR": "1000000",
        "COCREATION_FORM_RATE_PER_ADDRESS": "1000000",
        "COCREATION_FORM_RATE_PER_LINK": "1000000",
        "DJANGO_SETTINGS_MODULE": "ccrs.settings",
    }


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [str(ROOT / ".venv/bin/gunicorn"), "ccrs.wsgi:application", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60"],
        cwd=ROOT, env=server_env(url, port), start_new_session=True,
    )  # fmt: skip
    import httpx

    for _attempt in range(100):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop_server(process)
    raise SystemExit(f"gunicorn on port {port} did not answer /healthz")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return found.group(1) if found else ""


async def sign_in(base: str, email: str, password: str):
    """An httpx client signed in through the login form (no two-factor step: STAFF_MFA_REQUIRED is off here)."""
    import httpx

    client = httpx.AsyncClient(base_url=base, timeout=30, follow_redirects=False)
    page = await client.get("/accounts/login/")
    response = await client.post(
        "/accounts/login/",
        data={"csrfmiddlewaretoken": csrf_of(page.text), "login": email, "password": password},
        headers={"Referer": f"{base}/accounts/login/"},
    )
    if response.status_code != 302:
        raise SystemExit(f"signing in {email} answered {response.status_code}")
    return client


def survey_answers(html: str) -> dict:
    sector = re.search(r'name="sector".*?value="(\d+)"', html, re.S)
    key = re.search(r'name="submission_key" value="([^"]+)"', html)
    return {
        "csrfmiddlewaretoken": csrf_of(html),
        "submission_key": key.group(1) if key else str(uuid.uuid4()),
        "sector": sector.group(1) if sector else "",
        "revenue_change": "-20",
        "employees_before": "10",
        "employees_now": "8",
        "closure_risk": "medium",
        "finance_access": "no",
        "digital_adoption": "basic",
        "climate_exposed": "yes",
        "women_owned": "yes",
        "website": "",
    }


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


def public_pages() -> list:
    from ccrs import demo_registry

    links = demo_registry.demo_links()
    found = []
    for label, needle in PUBLIC:
        address = next((a for text, a in links if needle in text.lower()), None)
        if address:
            parts = urlsplit(address)
            found.append((label, None, parts.path + (f"?{parts.query}" if parts.query else ""), "get"))
    survey = next((p for label, _r, p, _k in found if label == "public SME survey"), None)
    if survey:
        found.append(("public SME survey, GET + POST", None, survey, "post"))
    return found


def lock_out_across(bases, password: str, email: str = "officer.bangkok@ccrs.demo") -> None:
    """Wrong passwords on the first server hold the account on the second (the limit lives in the shared Redis).

    Both are reached under one host name, as behind a load balancer: allauth keys the per-account limit by the
    request's host (no django.contrib.sites here) and the account, so servers reached under different names
    (127.0.0.1:8731, 127.0.0.1:8732) would each count their own failures."""
    import httpx

    said = []
    one_name = {"Host": "127.0.0.1"}
    with httpx.Client(base_url=bases[0], timeout=60, headers=one_name) as first:
        for _attempt in range(6):
            page = first.get("/accounts/login/")
            response = first.post(
                "/accounts/login/",
                data={"csrfmiddlewaretoken": csrf_of(page.text), "login": email, "password": "wrong-password"},
            )
            said.append("held" if "Too many" in response.text else response.status_code)
    with httpx.Client(base_url=bases[1], timeout=60, headers=one_name) as second:
        page = second.get("/accounts/login/")
        response = second.post(
            "/accounts/login/", data={"csrfmiddlewaretoken": csrf_of(page.text), "login": email, "password": password}
        )
    held = response.status_code != 302 and "Too many" in response.text
    print(
        f"\nlock-out: six wrong passwords on server 1 answered {said}; the right password on server 2 answered "
        f"{response.status_code}: {'held there too' if held else 'NOT HELD'}"
    )


async def submit_across(bases, survey: str) -> tuple[list, set, float]:
    """100 survey forms opened at once, each sent at the same instant to both servers (a double tap that a load
    balancer spreads); returns the answers' statuses, their submission keys and the seconds taken."""
    import httpx

    clients = [httpx.AsyncClient(base_url=bases[n % 2], timeout=120) for n in range(100)]
    forms = await asyncio.gather(*(client.get(survey) for client in clients))
    answers = [survey_answers(form.text) for form in forms]
    # The same browser (its cookies) sending to the other server.
    twins = [
        httpx.AsyncClient(base_url=bases[(n + 1) % 2], timeout=120, cookies=httpx.Cookies(client.cookies))
        for n, client in enumerate(clients)
    ]

    async def send(client, data):
        return (await client.post(survey, data=data)).status_code

    started = time.perf_counter()
    statuses = await asyncio.gather(
        *(send(client, data) for client, data in zip(clients, answers, strict=True)),
        *(send(twin, data) for twin, data in zip(twins, answers, strict=True)),
    )
    elapsed = time.perf_counter() - started
    for client in [*clients, *twins]:
        await client.aclose()
    return statuses, {data["submission_key"] for data in answers}, elapsed


def two_servers(bases, password: str) -> None:
    """A lock-out earned on one server holds on the other; submissions spread over both are all stored once."""
    from sectors.models import SurveyResponse

    lock_out_across(bases, password)
    survey = next((path for _label, _role, path, kind in public_pages() if kind == "post"), None)
    if survey is None:
        print("no public survey in the demo: submissions not tried")
        return
    before = SurveyResponse.objects.count()
    statuses, keys, elapsed = asyncio.run(submit_across(bases, survey))
    stored = SurveyResponse.objects.count() - before
    distinct = SurveyResponse.objects.filter(submission_key__in=keys).count()
    print(
        f"submissions: 100 forms, each sent to both servers at once ({len(statuses)} POSTs in {elapsed:.1f} s, "
        f"answers {sorted(set(statuses))}): {stored} new responses, {distinct} of the 100 keys stored"
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
    parser.add_argument("--no-pages", action="store_true", help="only the two-server checks (with --servers 2)")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    os.environ["REDIS_URL"] = f"{REDIS}/13"
    os.environ["CELERY_BROKER_URL"] = f"{REDIS}/12"

    import pages as foundation

    url, vendor = foundation.bench_database_url(DATABASE)
    if vendor != "postgresql":
        raise SystemExit("set DATABASE_URL to a PostgreSQL server: the benchmark creates its own database there")
    if args.reuse:
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")
        import django

        django.setup()
    else:
        started = time.perf_counter()
        foundation.prepare(args.factor, database=DATABASE)
        print(f"database {DATABASE} loaded in {time.perf_counter() - started:.0f} s")
    from django.core.cache import cache

    from ccrs.demo import DEMO_PASSWORD

    logging.getLogger("httpx").setLevel(logging.WARNING)  # Django's logging would print every request

    cache.clear()  # no rate-limit counts left from an earlier run
    pages = [(label, role, path, "get") for label, role, path in PAGES] + public_pages()
    servers = [start_server(url, args.port + n, args.workers) for n in range(args.servers)]
    bases = [f"http://127.0.0.1:{args.port + n}" for n in range(args.servers)]
    try:
        if not args.no_pages:
            rows = asyncio.run(
                run_pages(bases[0], pages, concurrency=args.clients, seconds=args.seconds, password=DEMO_PASSWORD)
            )
            print_table(rows, factor=args.factor, concurrency=args.clients, seconds=args.seconds)
        if args.servers == 2:
            two_servers(bases, DEMO_PASSWORD)
    finally:
        for server in servers:
            stop_server(server)


if __name__ == "__main__":
    main()
