"""Celery tasks of the peer network: thin wrappers that take ids and call a service, and the beat schedule
(the events' reminders, the hourly digest run).

Run the scheduler beside the worker with: celery -A ccrs beat --loglevel=INFO
"""

from celery.schedules import crontab

from ccrs.celery import beat_schedule_add, retried_task

from .services import events, members


@retried_task
def registration_promoted_notify(registration_id: int) -> bool:
    """Tell a person moved up from an event's waitlist that they have a seat; safe to run twice."""
    return events.registration_promoted_notify(registration_id=registration_id)


@retried_task
def event_changed_notify(event_id: int, sequence: int) -> int:
    """Send the people registered one notice of an event's new time or place, or of its cancellation."""
    return events.event_changed_notify(event_id=event_id, sequence=sequence)


@retried_task
def event_reminders() -> int:
    """Remind the people registered of events about to start; each reminder once."""
    return events.reminders_send()


@retried_task
def network_invitation_send(invitation_id: int) -> bool:
    """Send a network invitation's e-mail; safe to run twice (a sent invitation is skipped)."""
    return members.network_invitation_send(invitation_id=invitation_id)


@retried_task
def post_notify(post_id: int, mentioned: list[int]) -> int:
    """E-mail a new post to who asked for it at once; nothing if it was hidden meanwhile; safe to run twice."""
    from .services.discussions import post_notify as notify

    return notify(post_id=post_id, mentioned=mentioned)


@retried_task
def warning_send(decision_id: int) -> bool:
    from .services.discussions import warning_send as send

    return send(decision_id=decision_id)


@retried_task
def digests_send() -> int:
    """Send the digests due this hour (each person's morning in their own time zone); idempotent."""
    from .services.digests import digests_send as send

    return send()


@retried_task
def case_study_pdfs_build(version_id: int) -> int:
    """Build a newly published version's PDF in each of its languages; safe to run twice (a stored PDF is kept)."""
    from .services.case_studies import case_study_pdfs_build as build

    return build(version_id=version_id)


# Every ten minutes: a reminder leaves at most ten minutes after its hour. Every hour on the hour: each
# person's digest goes out in the first run of their morning.
beat_schedule_add(
    {
        "network-event-reminders": {"task": "network.tasks.event_reminders", "schedule": crontab(minute="*/10")},
        "network-digests": {"task": "network.tasks.digests_send", "schedule": crontab(minute=0)},
    }
)
