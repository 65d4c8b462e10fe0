"""Co-creation's parts of the program dashboard: who took part, workshops held, the first workshop and the award."""

from django.db.models import Count, Min, Q
from django.utils import timezone

from ccrs.rules import is_program_staff

from ..models import Proposal, ProposalStatus, Stakeholder, StakeholderKind, Workshop

TOOK_PART = Q(invitations__checked_in_at__isnull=False) | Q(invitations__submission__isnull=False)


def program_participation(*, user, cohort_id: int | None, now=None) -> dict | None:
    """Per city (of one cohort, or all): stakeholders who took part, of them SMEs and women-led SMEs, workshops
    held (ended), the first workshop's day and the first award's day; three queries however many cities."""
    if not is_program_staff(user):
        return None
    return participation_by_city(cohort_id=cohort_id, now=now)


def participation_by_city(*, cohort_id: int | None = None, city_ids: list[int] | None = None, now=None) -> dict:
    """Aggregate counts only (no stakeholder's name or answer), so they may be shown to the cities' peers."""
    now = now or timezone.now()
    in_cohort = {} if cohort_id is None else {"city__cohort_id": cohort_id}
    if city_ids is not None:
        in_cohort["city_id__in"] = city_ids
    prefix = {f"process__{key}": value for key, value in in_cohort.items()}
    people = (
        Stakeholder.objects.filter(**in_cohort)
        .filter(TOOK_PART)
        .values("city_id")
        .annotate(
            engaged=Count("pk", distinct=True),
            smes=Count("pk", filter=Q(kind=StakeholderKind.SME), distinct=True),
            women_led=Count("pk", filter=Q(kind=StakeholderKind.SME, women_led=True), distinct=True),
        )
        .order_by()
    )
    workshops = (
        Workshop.objects.filter(**prefix)
        .values("process__city_id")
        .annotate(held=Count("pk", filter=Q(ends_at__lte=now)), first=Min("starts_at"))
        .order_by()
    )
    awards = (
        Proposal.objects.filter(status=ProposalStatus.AWARDED)
        .filter(**{f"call__process__{key}": value for key, value in in_cohort.items()})
        .values("call__process__city_id")
        .annotate(first=Min("awarded_at"))
        .order_by()
    )
    return {
        "people": {row["city_id"]: row for row in people},
        "workshops": {row["process__city_id"]: row for row in workshops},
        "awards": {row["call__process__city_id"]: row["first"] for row in awards},
    }
