"""Celery tasks of the cities app: thin wrappers that take ids and call a service."""

from ccrs.celery import retried_task

from . import services


@retried_task
def application_invitation_send(application_id: int) -> bool:
    """Send an applicant's invitation e-mail; safe to run twice (a sent invitation is skipped)."""
    return services.application_invitation_send(application_id=application_id)
