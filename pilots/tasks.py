"""Celery tasks of the pilots app, and the beat schedule of its reminder.

Run the scheduler beside the worker with: celery -A ccrs beat --loglevel=INFO
"""

from smtplib import SMTPException

from celery import shared_task
from celery.schedules import crontab

from ccrs.celery import app

from . import services

RETRY = {
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 6,
}


@shared_task(**RETRY)
def update_notify(update_id: int) -> bool:
    """E-mail the officer about the review of their update; safe to run twice."""
    return services.update_notify(update_id=update_id)


@shared_task(**RETRY)
def period_reminders() -> int:
    """Remind city teams of reporting periods that end within a week; each period once."""
    return services.period_reminders_send()


# Every morning at 01:00 UTC (08:00 in Bangkok, Jakarta and Ho Chi Minh City).
app.conf.beat_schedule = {
    **(app.conf.beat_schedule or {}),
    "pilots-period-reminders": {"task": "pilots.tasks.period_reminders", "schedule": crontab(hour=1, minute=0)},
}
