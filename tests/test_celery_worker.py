"""A real Celery worker process on Redis runs a task that writes to PostgreSQL."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from ccrs.models import Invitation
from ccrs.tasks import invitation_send

ROOT = Path(__file__).resolve().parent.parent


class Worker:
    def __init__(self, process, queue, log_path):
        self.process, self.queue, self.log_path = process, queue, log_path

    def log(self):
        return self.log_path.read_text(errors="replace")[-4000:]


@pytest.fixture
def real_worker(needs_postgres, needs_redis, transactional_db, tmp_path):
    """A worker subprocess on its own queue, connected to this test's PostgreSQL database."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    database_url = f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    queue = f"test-{uuid.uuid4().hex[:10]}"
    log_path = tmp_path / "worker.log"
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": needs_redis}
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "ccrs", "worker", "--pool=solo", "-Q", queue,
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    worker = Worker(process, queue, log_path)
    try:
        yield worker
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        connection.close()  # the worker's connection to the test database is gone; so is ours, cleanly


def wait_for(predicate, worker, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        assert worker.process.poll() is None, f"the worker exited:\n{worker.log()}"
        time.sleep(0.25)
    pytest.fail(f"timed out after {seconds}s; worker log:\n{worker.log()}")


def test_worker_sends_an_invitation_and_writes_the_row(real_worker, city_a, staff):
    """The task goes through Redis to the worker, which marks the invitation sent in PostgreSQL, once."""
    invitation = Invitation.objects.create(
        email="worker@cantho.example.vn", city=city_a, role="viewer", invited_by=staff
    )
    invitation_send.apply_async(args=[invitation.pk], queue=real_worker.queue)
    invitation_send.apply_async(args=[invitation.pk], queue=real_worker.queue)  # a redelivered copy

    def sent():
        invitation.refresh_from_db()
        return invitation.sent_at is not None

    wait_for(sent, real_worker)
    wait_for(lambda: real_worker.log().count("succeeded") >= 2, real_worker)
    sends = [h for h in invitation.history.order_by("history_id") if h.sent_at is not None]
    first_sent_at = {h.sent_at for h in sends}
    assert len(first_sent_at) == 1, "the e-mail was sent more than once"
