"""Reads of co-creation processes and their phases."""

from django.db.models import Count, Prefetch, QuerySet

from cities import selectors as city_selectors
from cities.models import City
from cities.selectors import cities_visible_to

from ..models import (
    Call,
    Phase,
    PhaseKind,
    Process,
    StakeholderInvitation,
    Submission,
    Workshop,
)
from .common import count_of, visible_get


def processes_visible_to(*, user) -> QuerySet[Process]:
    return Process.objects.filter(city__in=cities_visible_to(user=user))


def process_list(*, user, city) -> list[Process]:
    """A city's processes with their phases (the timeline) and workshop and call counts."""
    return list(
        processes_visible_to(user=user)
        .filter(city=city)
        .annotate(workshop_count=count_of(Workshop.objects, "process"), call_count=count_of(Call.objects, "process"))
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on")))
        .order_by("title")
    )


def process_get(*, user, pk: int) -> Process | None:
    return processes_visible_to(user=user).select_related("city").filter(pk=pk).first()


def timeline(process: Process) -> list[dict]:
    """The five phases in order, with dates and status where scheduled."""
    phases = {p.kind: p for p in process.phases.all()}
    return [{"kind": kind, "label": label, "phase": phases.get(kind)} for kind, label in PhaseKind.choices]


def process_detail(*, process: Process) -> dict:
    workshops = list(
        process.workshops.annotate(
            invited=count_of(StakeholderInvitation.objects, "workshop"),
            submitted=count_of(Submission.objects, "workshop"),
        ).order_by("-starts_at")
    )
    calls = list(process.calls.annotate(proposal_count=Count("proposals")).order_by("-deadline"))
    return {"timeline": timeline(process), "workshops": workshops, "calls": calls}


def city_get(*, user, slug: str) -> City | None:
    """The city with this slug if the user may see its co-creation, else None."""
    city = city_selectors.city_get(user=user, slug=slug)
    return city if city is not None and user.has_perm("cocreation.view_process", city) else None


def phase_get(*, user, pk: int) -> Phase | None:
    return visible_get(Phase, "process__city", user=user, pk=pk)


def phases_by_kind(*, process: Process) -> dict[str, Phase]:
    """The process's scheduled phases by kind."""
    return {p.kind: p for p in process.phases.all()}
