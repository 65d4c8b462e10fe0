"""Reads of the cities and their teams: what a person may see, the list, a city's team and dashboard."""

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ccrs import generations
from ccrs.models import CityMembership, Invitation, InvitationStatus
from ccrs.rules import is_program_staff

from ..models import (
    City,
)
from .stage import city_stages

CITY_PAGE_SIZE = 48  # whole rows of the list's two- and three-column grid


def cities_visible_to(*, user) -> QuerySet[City]:
    """Every city for staff; a team member's own cities; nothing for anyone else."""
    if is_program_staff(user):
        return City.objects.all()
    if not user.is_authenticated:
        return City.objects.none()
    return City.objects.filter(memberships__user=user)


def city_list(*, user, cohort_id: int | None = None) -> list[City]:
    """The cities the user may see (of one cohort, if given) with team size and program stage."""
    cities = cities_visible_to(user=user)
    if cohort_id is not None:
        cities = cities.filter(cohort_id=cohort_id)
    cities = list(
        cities.select_related("cohort").annotate(team_size=Count("memberships", distinct=True)).order_by("name")
    )
    stages = city_stages(city_ids=[c.pk for c in cities])
    for city in cities:
        city.stage = stages[city.pk]
    return cities


def city_page(*, user, page: int | str = 1):
    """One page of the city list: the cities the user may see with the fields the list shows and each one's
    team size counted for the page's cities only (the program stage, which the reports add, is not read)."""
    team_size = CityMembership.objects.filter(city=OuterRef("pk")).values("city").annotate(n=Count("pk")).values("n")
    cities = (
        cities_visible_to(user=user)
        .select_related("cohort")
        .only("pk", "slug", "name", "local_name", "country", "languages", "cohort__name")
        .annotate(team_size=Coalesce(Subquery(team_size), 0))
        .order_by("name", "pk")
    )
    return Paginator(cities, CITY_PAGE_SIZE).get_page(page)


def city_get(*, user, slug: str) -> City | None:
    """The city with this slug if the user may see it, else None (the view answers 404)."""
    return cities_visible_to(user=user).select_related("cohort").filter(slug=slug).first()


def city_team(*, city: City) -> dict:
    """The team page and dashboard panel: members by role and pending invitations."""
    members = list(CityMembership.objects.filter(city=city).select_related("user").order_by("role", "user__full_name"))
    invitations = list(
        Invitation.objects.filter(city=city, status=InvitationStatus.PENDING)
        .select_related("invited_by")
        .order_by("-created_at")
    )
    return {"members": members, "invitations": invitations}


def city_dashboard(*, city: City) -> dict:
    """The dashboard's team panel and role counts: the same for every reader, kept per program generation."""
    return generations.cached(generations.PROGRAM, f"city-team:{city.pk}", lambda: _city_dashboard(city=city))


def _city_dashboard(*, city: City) -> dict:
    team = city_team(city=city)
    counts = CityMembership.objects.filter(city=city).aggregate(
        leads=Count("pk", filter=Q(role="lead")),
        officers=Count("pk", filter=Q(role="officer")),
        viewers=Count("pk", filter=Q(role="viewer")),
    )
    return {**team, "counts": counts}


def invitation_get(*, user, slug: str, invitation_id: int) -> Invitation | None:
    """A pending or past invitation of the city with this slug, if the user may see the city, else None."""
    return (
        Invitation.objects.filter(city__in=cities_visible_to(user=user), city__slug=slug, pk=invitation_id)
        .select_related("city")
        .first()
    )
