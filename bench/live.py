"""The live servers of the benchmarks that drive a real gunicorn: starting gunicorn and Celery workers on the
benchmark's database and Redis, signing in, the forms' fields, the demo's public links, and the verdict
("holds" / "FAILS") of a property checked against them. Used by bench/throughput.py and bench/two_servers.py."""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379")
STAFF, LEAD, STAKEHOLDER = "staff@ccrs.demo", "lead.cantho@ccrs.demo", "stakeholder@ccrs.demo"
# (label, words of its demo link's text): the public forms, found among the demo's links.
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


def csrf_pair() -> tuple[dict, dict]:
    """A CSRF cookie of our own and the header that repeats it, as a browser's script would send them."""
    token = uuid.uuid4().hex
    return {"csrftoken": token}, {"X-CSRFToken": token}


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


def demo_links_of(needle: str) -> list[tuple[str, str]]:
    from ccrs import demo_registry

    return [(text, address) for text, address in demo_registry.demo_links() if needle in text.lower()]


def public_pages() -> list:
    """The public forms' (label, role, path, "get"), and the survey's GET + POST pair, from the demo's links."""
    found = []
    for label, needle in PUBLIC:
        address = next((address for _text, address in demo_links_of(needle)), None)
        if address:
            parts = urlsplit(address)
            found.append((label, None, parts.path + (f"?{parts.query}" if parts.query else ""), "get"))
    survey = next((p for label, _r, p, _k in found if label == "public SME survey"), None)
    if survey:
        found.append(("public SME survey, GET + POST", None, survey, "post"))
    return found


def verdict(holds: bool) -> str:
    return "holds" if holds else "FAILS"
