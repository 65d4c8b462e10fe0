"""Celery tasks of the cities app: thin wrappers that take ids and call a service."""

from smtplib import SMTPException

from celery import shared_task

from . import services


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def application_invitation_send(application_id: int) -> bool:
    """Send an applicant's invitation e-mail; safe to run twice (a sent invitation is skipped)."""
    return services.application_invitation_send(application_id=application_id)
