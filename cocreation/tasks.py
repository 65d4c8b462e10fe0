"""Celery tasks of the co-creation app: thin wrappers that take ids and call a service."""

from ccrs.celery import retried_task

from . import services


@retried_task
def invitation_send(invitation_id: int) -> bool:
    """E-mail a stakeholder's personal workshop link; safe to run twice (a sent link is skipped)."""
    return services.invitation_send(invitation_id=invitation_id)


@retried_task
def award_notify(proposal_id: int) -> bool:
    """Tell the SME that its proposal was awarded."""
    return services.award_notify(proposal_id=proposal_id)


@retried_task
def call_invitation_send(invitation_id: int) -> bool:
    """E-mail an SME's personal link to a call for proposals; safe to run twice."""
    return services.call_invitation_send(invitation_id=invitation_id)
