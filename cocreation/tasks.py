"""Celery tasks of the co-creation app: thin wrappers that take ids and call a service."""

from smtplib import SMTPException

from celery import shared_task

from . import services

RETRY = {
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 6,
}


@shared_task(**RETRY)
def invitation_send(invitation_id: int) -> bool:
    """E-mail a stakeholder's personal workshop link; safe to run twice (a sent link is skipped)."""
    return services.invitation_send(invitation_id=invitation_id)


@shared_task(**RETRY)
def award_notify(proposal_id: int) -> bool:
    """Tell the SME that its proposal was awarded."""
    return services.award_notify(proposal_id=proposal_id)


@shared_task(**RETRY)
def call_invitation_send(invitation_id: int) -> bool:
    """E-mail an SME's personal link to a call for proposals; safe to run twice."""
    return services.call_invitation_send(invitation_id=invitation_id)
