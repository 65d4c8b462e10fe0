"""Reads of the city's stakeholder registry, of whom to invite, and of who took part."""

from allauth.account.models import EmailAddress
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from ccrs import generations
from ccrs.inputs import page_of
from cities.selectors import cities_visible_to

from ..models import (
    CallInvitation,
    CallStatus,
    Gender,
    InvitationStatus,
    Stakeholder,
    StakeholderInvitation,
    StakeholderKind,
    Workshop,
    WorkshopStatus,
)
from .common import PAGE_SIZE, visible_get


def stakeholder_list(*, user, city, page: int | str = 1, query: str = "") -> dict:
    """One page of a city's stakeholder registry (search by name, organisation or e-mail)."""
    qs = Stakeholder.objects.filter(city__in=cities_visible_to(user=user), city=city)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(organisation__icontains=query) | Q(email__icontains=query))
    shown = page_of(qs.order_by("name", "pk"), number=page, per_page=PAGE_SIZE)
    return {"stakeholders": shown.pop("rows"), **shown}


def stakeholder_count(*, user) -> int:
    """How many people the stakeholder registries of the cities the user may see hold; one query."""
    return Stakeholder.objects.filter(city__in=cities_visible_to(user=user)).count()


def inclusion_figures(*, city) -> dict:
    """Who took part in the city's workshops (checked in or gave input): by type, by gender where
    given, and the shares of SMEs and of women-led SMEs; one query, kept per program generation (counts only,
    the same for every reader of the city's dashboard)."""
    return generations.cached(generations.PROGRAM, f"inclusion:{city.pk}", lambda: _inclusion_figures(city=city))


def _inclusion_figures(*, city) -> dict:
    took_part = Stakeholder.objects.filter(city=city).filter(
        Q(invitations__checked_in_at__isnull=False) | Q(invitations__submission__isnull=False)
    )
    counts = {
        "total": Count("pk"),
        "smes": Count("pk", filter=Q(kind=StakeholderKind.SME)),
        "women_led_smes": Count("pk", filter=Q(kind=StakeholderKind.SME, women_led=True)),
        **{f"kind_{value}": Count("pk", filter=Q(kind=value)) for value in StakeholderKind.values},
        **{f"gender_{value}": Count("pk", filter=Q(gender=value)) for value in Gender.values},
    }
    totals = Stakeholder.objects.filter(pk__in=took_part.values("pk")).aggregate(**counts)
    total, smes = totals["total"], totals["smes"]
    return {
        "total": total,
        "by_kind": {value: totals[f"kind_{value}"] for value in StakeholderKind.values},
        "by_gender": {value: totals[f"gender_{value}"] for value in Gender.values},
        "sme_share": (smes / total) if total else None,
        "women_led_sme_share": (totals["women_led_smes"] / smes) if smes else None,
        "smes": smes,
        "women_led_smes": totals["women_led_smes"],
    }


def stakeholder_get(*, user, pk: int) -> Stakeholder | None:
    return (
        Stakeholder.objects.filter(city__in=cities_visible_to(user=user)).select_related("city").filter(pk=pk).first()
    )


def invite_candidates(*, workshop: Workshop, kind: str = "", query: str = "", limit: int = 200) -> dict:
    """The city's stakeholders not yet invited to the workshop, filtered by type and search; the first `limit`."""
    qs = uninvited_stakeholders(workshop=workshop)
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(organisation__icontains=query) | Q(email__icontains=query))
    total = qs.count()
    return {"candidates": list(qs.order_by("name", "pk")[:limit]), "total": total, "limit": limit, "matching": qs}


def uninvited_stakeholders(*, workshop: Workshop) -> QuerySet[Stakeholder]:
    """The stakeholders of the workshop's city registry not yet invited to it."""
    return Stakeholder.objects.filter(city_id=workshop.process.city_id).exclude(invitations__workshop=workshop)


def invitation_get(*, user, pk: int) -> StakeholderInvitation | None:
    return visible_get(StakeholderInvitation, "workshop__process__city", user=user, pk=pk, related=("stakeholder",))


def open_invitations_of(*, user) -> dict:
    """The workshop and call invitations still open to a signed-in person, matched on the addresses they
    proved (the registry knows them by e-mail only): two queries."""
    verified = EmailAddress.objects.filter(user=user, verified=True).annotate(lower=Lower("email")).values("lower")
    now = timezone.now()
    workshops = (
        StakeholderInvitation.objects.annotate(address=Lower("stakeholder__email"))
        .filter(address__in=verified, status=InvitationStatus.ACTIVE, expires_at__gt=now)
        .exclude(workshop__status=WorkshopStatus.CLOSED)
        .select_related("workshop__process__city", "stakeholder")
        .order_by("workshop__starts_at")
    )
    calls = (
        CallInvitation.objects.annotate(address=Lower("stakeholder__email"))
        .filter(address__in=verified, status=InvitationStatus.ACTIVE, expires_at__gt=now, call__status=CallStatus.OPEN)
        .select_related("call__process__city", "stakeholder")
        .order_by("call__deadline")
    )
    return {"workshops": list(workshops), "calls": list(calls)}
