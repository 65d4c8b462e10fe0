"""The Celery app. Settings come from Django's, prefixed CELERY_ (see ccrs/settings.py).

Run a worker with: celery -A ccrs worker --loglevel=INFO
"""

import os
from smtplib import SMTPException

from celery import Celery, shared_task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")

app = Celery("ccrs")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def retried_task(func):
    """A task retried with back-off (six times, at most ten minutes apart) while the mail server or the
    network fails: every task that sends e-mail or waits on another service."""
    return shared_task(
        autoretry_for=(SMTPException, ConnectionError, TimeoutError),
        retry_backoff=True,
        retry_backoff_max=600,
        max_retries=6,
    )(func)


def beat_schedule_add(entries: dict) -> None:
    """Add an app's periodic tasks to the beat schedule (run it with: celery -A ccrs beat --loglevel=INFO)."""
    app.conf.beat_schedule = {**(app.conf.beat_schedule or {}), **entries}
