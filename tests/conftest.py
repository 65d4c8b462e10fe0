"""Shared fixtures: people in each role, two cities, real services, query budgets.

Outside CI a test that needs PostgreSQL, Redis or Chromium skips and says why; with CI=true
it fails instead, so CI can never pass without exercising them.
"""

import os
import shutil
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from ccrs.celery import app as celery_app
from ccrs.models import CityMembership, CityRole, Invitation, User
from cities.models import Cohort
from tests.cities.factories import CAN_THO, DA_NANG, CityFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _redis_database_moved(url: str, by: int) -> str:
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{database + by}"))


def _own_redis_databases_per_worker() -> None:
    """Under pytest-xdist each worker gets its own Redis databases: every test clears the cache, and a real
    Celery worker must not take another test run's tasks. Worker gwN moves both databases up by 2N (gw0 keeps
    the configured ones); subprocesses inherit the moved URLs through the environment."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw") or worker == "gw0":
        return
    by = 2 * int(worker[2:])
    if settings.CELERY_BROKER_URL:
        settings.CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"] = _redis_database_moved(
            settings.CELERY_BROKER_URL, by
        )
        celery_app.conf.broker_url = settings.CELERY_BROKER_URL
    location = settings.CACHES["default"].get("LOCATION", "")
    if location.startswith("redis://"):
        settings.CACHES["default"]["LOCATION"] = os.environ["REDIS_URL"] = _redis_database_moved(location, by)


_own_redis_databases_per_worker()

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PASSWORD = "a-Str0ng-test-passphrase"


def require(available: bool, reason: str) -> None:
    """Skip with the reason outside CI; fail in CI, where every service must be there."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this: {reason}", pytrace=False)
    pytest.skip(reason)


def redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def needs_postgres():
    require(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL=postgres://...")


@pytest.fixture
def needs_redis():
    url = settings.CELERY_BROKER_URL
    require(bool(url), "needs Redis: set CELERY_BROKER_URL=redis://127.0.0.1:6379/0")
    require(redis_reachable(url), f"needs Redis at {url}, which does not answer")
    return url


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    require(bool(path), "needs Debian's chromium on PATH (apt-get install chromium)")
    return path


@pytest.fixture(autouse=True)
def tasks_in_process(request):
    """Tasks run in-process unless the test asks for a real worker (the `real_worker` fixture)."""
    eager = "real_worker" not in request.fixturenames
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = before


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever language an earlier request switched to."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing strength is Django's concern, not these tests': use the cheapest hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded files of a test go to its own folder, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Login rate limits live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cohort(db):
    return Cohort.objects.create(
        name="Test cohort", region="Asia-Pacific", start_year=2021, end_year=2024, max_cities=8
    )


@pytest.fixture
def city_a(cohort):
    return CityFactory(cohort=cohort, **CAN_THO, population=1_240_000)


@pytest.fixture
def city_b(cohort):
    return CityFactory(cohort=cohort, **DA_NANG, population=1_220_000)


def make_user(email, **flags):
    """An account as the platform makes them: from an e-mailed link, so its address is verified."""
    from ccrs.services import email_verified_set

    flags.setdefault("full_name", email.split("@")[0])
    user = User.objects.create_user(email=email, password=PASSWORD, **flags)
    email_verified_set(user=user, email=email)
    return user


def make_member(email, city, role=CityRole.OFFICER):
    """An account on a city's team in `role`."""
    user = make_user(email)
    CityMembership.objects.create(user=user, city=city, role=role)
    return user


@pytest.fixture
def staff(db):
    return make_user("staff@example.org", is_staff=True)


@pytest.fixture
def stakeholder(db):
    return make_user("sme.owner@example.vn", is_stakeholder=True)


@pytest.fixture
def network_member(db):
    return make_user("mentor@example.org", is_network_member=True)


@pytest.fixture
def member_a(city_a):
    return make_member("officer.a@cantho.example.vn", city_a)


@pytest.fixture
def lead_a(city_a):
    return make_member("lead.a@cantho.example.vn", city_a, CityRole.LEAD)


@pytest.fixture
def member_b(city_b):
    return make_member("officer.b@danang.example.vn", city_b)


@pytest.fixture
def invitation_a(city_a, staff):
    return Invitation.objects.create(
        email="new.officer@cantho.example.vn", city=city_a, role=CityRole.OFFICER, invited_by=staff
    )


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user (None: anonymous)."""
    from django.test import Client

    def make(user, **headers):
        c = Client(**headers)
        if user is not None:
            c.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        return c

    return make


@pytest.fixture(scope="session", autouse=True)
def stray_connections_closed(django_db_setup, django_db_blocker):
    """Before the test database is dropped, close connections other threads or processes left open.

    A warning names what they were last doing, so the leak can be found.
    """
    yield
    if connection.vendor != "postgresql":
        return
    import warnings

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid), application_name, left(query, 120) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        stray = cursor.fetchall()
    connection.close()
    if stray:
        warnings.warn(f"closed {len(stray)} stray database connections: {stray}", stacklevel=1)
