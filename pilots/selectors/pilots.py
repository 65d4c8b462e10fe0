"""Reads of the pilots and their parts that a person may see: pilots, periods, updates, milestones, results."""

from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ccrs.rules import is_program_staff
from cocreation.models import Proposal, ProposalStatus

from ..models import (
    BudgetLine,
    Indicator,
    Milestone,
    Period,
    Pilot,
    Result,
    Update,
    UpdateStatus,
)

QUEUE_PAGE_SIZE = 50
PILOT_PAGE_SIZE = 50
START = date.min  # every period of a city's figure taken as one
REMINDER_DAYS_BEFORE_END = 7


def pilots_visible_to(*, user) -> QuerySet[Pilot]:
    """Every pilot for staff; a team member's own cities' pilots; nothing for anyone else."""
    if is_program_staff(user):
        return Pilot.objects.all()
    if not user.is_authenticated:
        return Pilot.objects.none()
    return Pilot.objects.filter(city__memberships__user=user)


def pilot_list(*, user, page: int | str = 1):
    """One page of the pilots the user may see, by city and title: the shown fields, each pilot's updates
    waiting for review counted in the database for the page's pilots only."""
    waiting = (
        Update.objects.filter(status=UpdateStatus.SUBMITTED, period__indicator__result__pilot=OuterRef("pk"))
        .values("status")
        .annotate(n=Count("pk"))
        .values("n")
    )
    pilots = (
        pilots_visible_to(user=user)
        .select_related("city")
        .only("pk", "title", "start_date", "end_date", "status", "city__name")
        .annotate(waiting=Coalesce(Subquery(waiting), 0))
        .order_by("city__name", "title", "pk")
    )
    return Paginator(pilots, PILOT_PAGE_SIZE).get_page(page)


def pilot_get(*, user, pk: int) -> Pilot | None:
    return (
        pilots_visible_to(user=user)
        .select_related("city", "proposal__stakeholder", "proposal__call")
        .filter(pk=pk)
        .first()
    )


def sector_baselines_for(*, pilot: Pilot) -> list:
    """The values of the pilot's city's approved sector assessment that an indicator's baseline can start from."""
    from sectors.selectors import sector_baselines

    return sector_baselines(city=pilot.city)


def awards_without_pilot(*, user) -> list:
    """Awarded proposals of the cities open to `user` that have not started a pilot yet."""
    if is_program_staff(user):
        proposals = Proposal.objects.all()
    elif user.is_authenticated:
        proposals = Proposal.objects.filter(call__process__city__memberships__user=user)
    else:
        return []
    return list(
        proposals.filter(status=ProposalStatus.AWARDED, pilot__isnull=True)
        .select_related("call__process__city", "stakeholder")
        .order_by("call__process__city__name", "title")
    )


def period_get(*, user, pk: int) -> Period | None:
    pilots = pilots_visible_to(user=user)
    return (
        Period.objects.select_related("indicator__result__pilot__city")
        .filter(pk=pk, indicator__result__pilot__in=pilots)
        .first()
    )


def update_get(*, user, pk: int) -> Update | None:
    pilots = pilots_visible_to(user=user)
    return (
        Update.objects.select_related("period__indicator__result__pilot__city", "submitted_by", "reviewed_by")
        .prefetch_related("evidence")
        .filter(pk=pk, period__indicator__result__pilot__in=pilots)
        .first()
    )


def milestone_get(*, user, pk: int) -> Milestone | None:
    """A milestone of a pilot the user may see, with its pilot and city, else None."""
    return Milestone.objects.select_related("pilot__city").filter(pk=pk, pilot__in=pilots_visible_to(user=user)).first()


def result_get(*, pilot: Pilot, pk: int) -> Result:
    """A result of this pilot (the form has checked that it is one)."""
    return Result.objects.get(pilot=pilot, pk=pk)


def indicator_get(*, pilot: Pilot, pk: int) -> Indicator:
    """An indicator of this pilot (the form has checked that it is one)."""
    return Indicator.objects.get(result__pilot=pilot, pk=pk)


def budget_lines_of(*, pilot: Pilot) -> list[BudgetLine]:
    return list(pilot.budget_lines.order_by("category", "description"))
