"""Reads of the cities app. Every read takes the user and returns only what they may see."""

from django.db.models import Count, Q, QuerySet

from ccrs.models import CityMembership, Invitation, InvitationStatus
from ccrs.rules import is_program_staff

from .models import City


def cities_visible_to(*, user) -> QuerySet[City]:
    """Every city for staff; a team member's own cities; nothing for anyone else."""
    if is_program_staff(user):
        return City.objects.all()
    if not user.is_authenticated:
        return City.objects.none()
    return City.objects.filter(memberships__user=user)


def city_list(*, user) -> list[City]:
    return list(
        cities_visible_to(user=user)
        .select_related("cohort")
        .annotate(team_size=Count("memberships", distinct=True))
        .order_by("name")
    )


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
    team = city_team(city=city)
    counts = CityMembership.objects.filter(city=city).aggregate(
        leads=Count("pk", filter=Q(role="lead")),
        officers=Count("pk", filter=Q(role="officer")),
        viewers=Count("pk", filter=Q(role="viewer")),
    )
    return {**team, "counts": counts}


def invitation_get(*, city: City, invitation_id: int) -> Invitation | None:
    """An invitation of this city (an id of another city's invitation finds nothing)."""
    return Invitation.objects.filter(city=city, pk=invitation_id).first()
