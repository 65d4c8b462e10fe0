"""Reads of sector selections: a proposal, the approved sector and its baselines (which the pilots app reads)."""

from cities.models import City
from cities.selectors import cities_visible_to

from ..models import Baseline, CandidateSector, Selection, SelectionStatus


def selection_get(*, user, slug: str, selection_id: int) -> Selection | None:
    """A proposal of the assessment of the city with this slug, if the user may see the city, else None."""
    return (
        Selection.objects.filter(
            assessment__city__in=cities_visible_to(user=user), assessment__city__slug=slug, pk=selection_id
        )
        .select_related("sector", "assessment__city__cohort")
        .first()
    )


def approved_sector(*, city: City) -> CandidateSector | None:
    selection = (
        Selection.objects.filter(assessment__city=city, status=SelectionStatus.APPROVED)
        .select_related("sector__isic")
        .first()
    )
    return selection.sector if selection else None


def sector_baselines(*, city: City) -> list[Baseline]:
    """The approved sector's indicator values, frozen at approval: where a pilot's indicators start.

    The pilots app reads this; an empty list means the city has no approved sector yet.
    """
    return list(
        Baseline.objects.filter(
            selection__assessment__city=city, selection__status=SelectionStatus.APPROVED
        ).select_related("selection__sector__isic", "selection__assessment", "criterion")
    )
