"""Celery tasks of the project package: thin wrappers that take ids and call a service."""

from smtplib import SMTPException

from celery import shared_task

from . import services


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def invitation_send(invitation_id: int) -> bool:
    """Send a team invitation's e-mail; safe to run twice (a sent invitation is skipped)."""
    return services.invitation_send(invitation_id=invitation_id)
