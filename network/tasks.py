"""Celery tasks of the peer network: thin wrappers that take ids and call a service."""

from smtplib import SMTPException

from celery import shared_task

from .services import members


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=6,
)
def network_invitation_send(invitation_id: int) -> bool:
    """Send a network invitation's e-mail; safe to run twice (a sent invitation is skipped)."""
    return members.network_invitation_send(invitation_id=invitation_id)
