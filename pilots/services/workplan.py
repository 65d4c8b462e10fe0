"""Writes of a pilot's workplan: its milestones and its risks."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Milestone, MilestoneStatus, Pilot, Risk


@transaction.atomic
def milestone_save(*, pilot: Pilot, milestone: Milestone | None = None, **fields) -> Milestone:
    milestone = milestone or Milestone(pilot=pilot)
    for key, value in fields.items():
        setattr(milestone, key, value)
    if milestone.status == MilestoneStatus.DONE and milestone.completed_on is None:
        milestone.completed_on = timezone.localdate()
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_status_set(*, milestone: Milestone, status: str, on: date | None = None) -> Milestone:
    """Move a milestone to a status; done records the day it was completed."""
    if status not in MilestoneStatus.values:
        raise ValidationError({"status": _("Choose planned, in progress, done or cancelled.")})
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    milestone.status = status
    milestone.completed_on = (on or timezone.localdate()) if status == MilestoneStatus.DONE else None
    milestone.save(update_fields=["status", "completed_on", "updated_at"])
    return milestone


@transaction.atomic
def risk_save(*, pilot: Pilot, risk: Risk | None = None, **fields) -> Risk:
    risk = risk or Risk(pilot=pilot)
    for key, value in fields.items():
        setattr(risk, key, value)
    for name in ("likelihood", "impact"):
        if getattr(risk, name) not in range(1, 6):
            raise ValidationError({name: _("Score it from 1 (low) to 5 (high).")})
    risk.full_clean()
    risk.save()
    return risk
