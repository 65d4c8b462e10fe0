"""Real Celery workers for the report tests: subprocesses on Redis, connected to this test's PostgreSQL database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from ccrs.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent.parent


class Worker:
    def __init__(self, process, log_path):
        self.process, self.log_path = process, log_path

    def log(self):
        return self.log_path.read_text(errors="replace")[-6000:]


@pytest.fixture
def report_workers(needs_postgres, needs_redis, transactional_db, settings, tmp_path):
    """start(**env) starts a worker on this test's own report queue; every worker is stopped at the end."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    database_url = f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    settings.REPORTS_QUEUE = f"test-reports-{uuid.uuid4().hex[:10]}"
    celery_app.conf.task_always_eager = False  # the autouse tasks_in_process fixture restores it afterwards
    started = []

    def start(pool="solo", **extra_env):
        """A worker; time limits need the prefork pool (the solo pool ignores them)."""
        log_path = tmp_path / f"worker-{len(started)}.log"
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": needs_redis,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "EMAIL_URL": "consolemail://",
            **extra_env,
        }
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "ccrs", "worker", f"--pool={pool}", "--concurrency=1",
                 "-Q", settings.REPORTS_QUEUE, "--loglevel=INFO", "--without-gossip", "--without-mingle",
                 "--without-heartbeat",
                 "-n", f"reports-{len(started)}-{uuid.uuid4().hex[:6]}@%h"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        worker = Worker(process, log_path)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.process.terminate()
            try:
                worker.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.process.kill()
    _purge(needs_redis, settings.REPORTS_QUEUE)
    connection.close()


def _purge(url, queue):
    import redis

    redis.Redis.from_url(url).delete(queue)


def wait_for(predicate, worker, seconds=60, interval=0.25):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        assert worker.process.poll() is None, f"the worker exited:\n{worker.log()}"
        time.sleep(interval)
    pytest.fail(f"timed out after {seconds}s; worker log:\n{worker.log()}")
