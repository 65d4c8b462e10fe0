"""Celery tasks of the network: a new post's immediate e-mails, and the hourly digest run (beat).

Run the scheduler beside the worker with: celery -A ccrs beat --loglevel=INFO
"""

from smtplib import SMTPException

from celery import shared_task
from celery.schedules import crontab

from ccrs.celery import app

RETRY = {
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 6,
}


@shared_task(**RETRY)
def post_notify(post_id: int, mentioned: list[int]) -> int:
    """E-mail a new post to who asked for it at once; nothing if it was hidden meanwhile; safe to run twice."""
    from .services.discussions import post_notify as notify

    return notify(post_id=post_id, mentioned=mentioned)


@shared_task(**RETRY)
def warning_send(decision_id: int) -> bool:
    from .services.discussions import warning_send as send

    return send(decision_id=decision_id)


@shared_task(**RETRY)
def digests_send() -> int:
    """Send the digests due this hour (each person's morning in their own time zone); idempotent."""
    from .services.digests import digests_send as send

    return send()


# Every hour on the hour: each person's digest goes out in the first run of their morning.
app.conf.beat_schedule = {
    **(app.conf.beat_schedule or {}),
    "network-digests": {"task": "network.tasks.digests_send", "schedule": crontab(minute=0)},
}
