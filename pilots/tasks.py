"""Celery tasks of the pilots app, and the beat schedule of its reminder.

Run the scheduler beside the worker with: celery -A ccrs beat --loglevel=INFO
"""

from celery.schedules import crontab

from ccrs.celery import beat_schedule_add, retried_task

from . import services


@retried_task
def update_notify(update_id: int) -> bool:
    """E-mail the officer about the review of their update; safe to run twice."""
    return services.update_notify(update_id=update_id)


@retried_task
def period_reminders() -> int:
    """Remind city teams of reporting periods that end within a week; each period once."""
    return services.period_reminders_send()


# Every morning at 01:00 UTC (08:00 in Bangkok, Jakarta and Ho Chi Minh City).
beat_schedule_add(
    {
        "pilots-period-reminders": {"task": "pilots.tasks.period_reminders", "schedule": crontab(hour=1, minute=0)},
    }
)
