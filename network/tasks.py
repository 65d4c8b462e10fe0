"""Celery tasks of the peer network: thin wrappers that take ids and call a service, and the beat schedule
of the events' reminders.

Run the scheduler beside the worker with: celery -A ccrs beat --loglevel=INFO
"""

from smtplib import SMTPException

from celery import shared_task
from celery.schedules import crontab

from ccrs.celery import app

from .services import events

RETRY = {
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 6,
}


@shared_task(**RETRY)
def registration_promoted_notify(registration_id: int) -> bool:
    """Tell a person moved up from an event's waitlist that they have a seat; safe to run twice."""
    return events.registration_promoted_notify(registration_id=registration_id)


@shared_task(**RETRY)
def event_changed_notify(event_id: int, sequence: int) -> int:
    """Send the people registered one notice of an event's new time or place, or of its cancellation."""
    return events.event_changed_notify(event_id=event_id, sequence=sequence)


@shared_task(**RETRY)
def event_reminders() -> int:
    """Remind the people registered of events about to start; each reminder once."""
    return events.reminders_send()


# Every ten minutes: a reminder leaves at most ten minutes after its hour.
app.conf.beat_schedule = {
    **(app.conf.beat_schedule or {}),
    "network-event-reminders": {"task": "network.tasks.event_reminders", "schedule": crontab(minute="*/10")},
}
