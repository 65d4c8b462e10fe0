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
import re
import signal
import statistics
import subprocess
import sys
import tempfile
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


def server_env(url: str, port: int, *, link_rate: int = 1000000) -> dict:
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
        "COCREATION_FORM_RATE_PER_LINK": str(link_rate),
        "EMAIL_URL": "dummymail://",
        "DJANGO_SETTINGS_MODULE": "ccrs.settings",
    }


def start_worker(url: str, name: str) -> subprocess.Popen:
    """A Celery worker of the program's queues on the shared broker (one process, so two workers are two); its
    output goes to a log file in the temporary folder."""
    log = open(Path(tempfile.gettempdir()) / f"bench-{name.split('@')[0]}.log", "wb")  # noqa: SIM115 - the worker's
    return subprocess.Popen(  # noqa: S603 - our own Celery worker, fixed arguments
        [str(ROOT / ".venv/bin/celery"), "-A", "ccrs", "worker", "-n", name, "--concurrency", "1",
         "--without-gossip", "--without-mingle", "--loglevel", "warning"],
        cwd=ROOT, env=server_env(url, 0), start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_for_workers(names: list[str], timeout: float = 60) -> None:
    from ccrs.celery import app

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        answered = {name for reply in app.control.ping(timeout=1) for name in reply}
        if set(names) <= answered:
            return
    raise SystemExit(f"the Celery workers {names} did not answer")


def start_server(url: str, port: int, workers: int, *, link_rate: int = 1000000) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [str(ROOT / ".venv/bin/gunicorn"), "ccrs.wsgi:application", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60"],
        cwd=ROOT, env=server_env(url, port, link_rate=link_rate), start_new_session=True,
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
        f"lock-out: six wrong passwords on server 1 answered {said}; the right password on server 2 answered "
        f"{response.status_code}: {verdict(held)}"
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


def verdict(holds: bool) -> str:
    return "holds" if holds else "FAILS"


def csrf_pair() -> tuple[dict, dict]:
    """A CSRF cookie of our own and the header that repeats it, as a browser's script would send them."""
    token = uuid.uuid4().hex
    return {"csrftoken": token}, {"X-CSRFToken": token}


def session_of(user) -> dict:
    """A signed-in session for `user`, stored in the shared database (the cookie a browser would hold)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"  # as a sign-in stores
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return {settings.SESSION_COOKIE_NAME: session.session_key}


def session_across(bases, password: str) -> None:
    """Signed in through the login form on server 1; the same cookie opens the program dashboard on server 2."""

    async def run():
        first = await sign_in(bases[0], STAFF, password)
        import httpx

        async with httpx.AsyncClient(base_url=bases[1], timeout=60, cookies=httpx.Cookies(first.cookies)) as second:
            status = (await second.get("/program/")).status_code
        await first.aclose()
        return status

    status = asyncio.run(run())
    print(f"session: signed in on server 1, /program/ on server 2 answered {status}: {verdict(status == 200)}")


def rate_limit_across(bases, limit: int) -> None:
    """A workshop link allows `limit` posts per ten minutes however many servers take them."""
    import httpx

    link = next((address for _text, address in demo_links_of("workshop form")), None)
    if link is None:
        print("rate limit: no workshop link in the demo: not tried")
        return
    path = urlsplit(link).path
    cookies, headers = csrf_pair()
    statuses = []
    for n in range(limit + 4):
        with httpx.Client(base_url=bases[n % 2], timeout=60, cookies=cookies, headers=headers) as client:
            statuses.append(client.post(path, data={"website": ""}).status_code)
    refused_from = next((n + 1 for n, status in enumerate(statuses) if status == 429), None)
    print(
        f"rate limit: {limit} posts per link allowed, {len(statuses)} posts alternating between the servers answered "
        f"{statuses}: refused from post {refused_from}: {verdict(refused_from == limit + 1)}"
    )


def demo_links_of(needle: str) -> list[tuple[str, str]]:
    from ccrs import demo_registry

    return [(text, address) for text, address in demo_registry.demo_links() if needle in text.lower()]


def report_once_across(bases, password: str) -> None:
    """The program report asked for ten times at once over both servers: one report, built once by one worker."""
    import httpx

    from ccrs.models import Report, ReportStatus

    async def run():
        signed_in = await sign_in(bases[0], STAFF, password)
        cookies, headers = csrf_pair()
        jar = httpx.Cookies(signed_in.cookies)
        for name, value in cookies.items():
            jar.set(name, value)
        clients = [
            httpx.AsyncClient(base_url=bases[n % 2], timeout=60, cookies=jar, headers=headers) for n in range(10)
        ]
        statuses = await asyncio.gather(
            *(client.post("/reports/request/", data={"kind": "program", "format": "xlsx"}) for client in clients)
        )
        for client in [*clients, signed_in]:
            await client.aclose()
        return [response.status_code for response in statuses]

    before = set(Report.objects.values_list("pk", flat=True))
    statuses = asyncio.run(run())
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        made = list(Report.objects.exclude(pk__in=before).values_list("status", "attempts"))
        if made and all(status in (ReportStatus.SUCCEEDED, ReportStatus.FAILED) for status, _attempts in made):
            break
        time.sleep(0.5)
    print(
        f"report: 10 requests over both servers answered {sorted(set(statuses))}: {len(made)} report(s) made, "
        f"(status, attempts) {made}: {verdict(made == [(ReportStatus.SUCCEEDED, 1)])}"
    )


def waitlist_across(bases) -> None:
    """60 people register at once for a 10-seat event over both servers, then 6 seated people cancel at once."""
    from datetime import timedelta

    import httpx
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from ccrs.models import User
    from network.models import Registration, RegistrationStatus
    from network.services import events

    run = uuid.uuid4().hex[:6]
    unusable = make_password(None)
    people = User.objects.bulk_create(
        [
            User(email=f"waitlist{n:02d}.{run}@bench.ccrs", full_name=f"Waitlist {n}", password=unusable,
                 is_network_member=True)
            for n in range(60)
        ]
    )  # fmt: skip
    starts = timezone.now().replace(microsecond=0) + timedelta(days=14)
    event = events.event_create(
        created_by=User.objects.get(email=STAFF), kind="webinar", title=f"Waste banks that pay in points ({run})",
        starts_at=starts, ends_at=starts + timedelta(hours=2), online_url="https://meet.example.org/waste-banks",
        capacity=10,
    )  # fmt: skip
    sessions = {person.pk: session_of(person) for person in people}

    async def post_all(users, path):
        cookies, headers = csrf_pair()
        clients = [
            httpx.AsyncClient(base_url=bases[n % 2], timeout=60, cookies={**cookies, **sessions[u.pk]}, headers=headers)
            for n, u in enumerate(users)
        ]
        responses = await asyncio.gather(*(client.post(path) for client in clients))
        for client in clients:
            await client.aclose()
        return sorted({response.status_code for response in responses})

    registered = asyncio.run(post_all(people, f"/network/events/{event.pk}/register/"))
    rows = Registration.objects.filter(event=event)
    seated = rows.filter(status=RegistrationStatus.REGISTERED).count()
    waiting = rows.filter(status=RegistrationStatus.WAITLISTED).count()
    leaving = [r.user for r in rows.filter(status=RegistrationStatus.REGISTERED).select_related("user")[:6]]
    cancelled = asyncio.run(post_all(leaving, f"/network/events/{event.pk}/unregister/"))
    promoted = rows.filter(status=RegistrationStatus.REGISTERED, promoted_at__isnull=False)
    promotions, promoted_people = promoted.count(), promoted.values("user").distinct().count()
    seated_after = rows.filter(status=RegistrationStatus.REGISTERED).count()
    holds = (seated, waiting, promotions, promoted_people, seated_after) == (10, 50, 6, 6, 10)
    print(
        f"waitlist: 60 registrations at once over both servers answered {registered}: {seated} seats, {waiting} "
        f"waiting; 6 cancellations at once answered {cancelled}: {promotions} promotions of {promoted_people} "
        f"people, {seated_after} seats taken: {verdict(holds)}"
    )


def two_servers(bases, password: str, *, link_rate: int) -> None:
    """Every shared property at once: sessions, lock-outs, rate limits, reports, the waitlist, submissions."""
    from sectors.models import SurveyResponse

    session_across(bases, password)
    lock_out_across(bases, password)
    rate_limit_across(bases, link_rate)
    report_once_across(bases, password)
    waitlist_across(bases)
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
        f"answers {sorted(set(statuses))}): {stored} new responses, {distinct} of the 100 keys stored: "
        f"{verdict(stored == distinct == 100)}"
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
    parser.add_argument("--stakeholders", type=int, default=100, help="stakeholders of the think-time run")
    parser.add_argument("--think-seconds", type=float, default=30.0, help="length of the think-time run")
    parser.add_argument(
        "--link-rate", type=int, default=6, help="a personal link's posts per ten minutes (two servers)"
    )
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
