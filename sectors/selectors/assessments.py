"""Reads of an assessment: its city, criteria, workspace and values sheet. Each takes the user or a checked object."""

from collections import defaultdict

from django.db.models import Count, Prefetch

from cities.models import City
from cities.selectors import cities_visible_to

from ..models import Assessment, CandidateSector, Criterion, IndicatorValue, IsicCode, Principle, Selection
from .sectors import sector_economics


def city_for(*, user, slug: str) -> City | None:
    """The city if the user may see it, with its assessment (or None) attached."""
    return cities_visible_to(user=user).select_related("cohort", "sector_assessment").filter(slug=slug).first()


def assessment_get(*, user, slug: str) -> Assessment | None:
    """The assessment of the city with this slug, with its city, if the user may see the city, else None."""
    return (
        Assessment.objects.filter(city__in=cities_visible_to(user=user), city__slug=slug)
        .select_related("city__cohort")
        .first()
    )


def assessment_of(city: City) -> Assessment | None:
    try:
        return city.sector_assessment
    except Assessment.DoesNotExist:
        return None


def criteria_of(*, cohort_id) -> list[Criterion]:
    return list(Criterion.objects.filter(cohort_id=cohort_id).order_by("order", "pk"))


def criteria_by_principle(criteria) -> list[dict]:
    groups = defaultdict(list)
    for criterion in criteria:
        groups[criterion.principle].append(criterion)
    return [{"principle": label, "criteria": groups[value]} for value, label in Principle.choices if groups.get(value)]


def isic_choices() -> list[tuple[str, str]]:
    return [(code.code, str(code)) for code in IsicCode.objects.order_by("code")]


def workspace(*, assessment: Assessment) -> dict:
    """The assessment workspace: sectors with their values by criterion, economics, survey, selection."""
    criteria = criteria_of(cohort_id=assessment.city.cohort_id)
    sectors = list(
        CandidateSector.objects.filter(assessment=assessment)
        .select_related("isic")
        .prefetch_related(Prefetch("values", queryset=IndicatorValue.objects.order_by("criterion_id")))
        .annotate(response_count=Count("survey_responses"))
        .order_by("local_name")
    )
    grid = []
    for sector in sectors:
        by_criterion = {v.criterion_id: v for v in sector.values.all()}
        grid.append({"sector": sector, "cells": [(c, by_criterion.get(c.pk)) for c in criteria]})
    missing = sum(1 for row in grid for _criterion, cell in row["cells"] if cell is None)
    selections = list(
        Selection.objects.filter(assessment=assessment).select_related("sector", "proposed_by", "decided_by")
    )
    open_selection = next((s for s in selections if s.status in {"proposed", "approved"}), None)
    return {
        "assessment": assessment,
        "criteria": criteria,
        "groups": criteria_by_principle(criteria),
        "grid": grid,
        "missing": missing,
        "economics": sector_economics(assessment=assessment, sectors=sectors),
        "selections": selections,
        "open_selection": open_selection,
        "history": list(assessment.history.select_related("history_user").order_by("-history_date")[:10]),
    }


def template_pairs(*, assessment: Assessment) -> list[tuple]:
    """(sector, criterion, value, source, confidence) for every sector and criterion, for the sheet."""
    criteria = criteria_of(cohort_id=assessment.city.cohort_id)
    values = {(v.sector_id, v.criterion_id): v for v in IndicatorValue.objects.filter(sector__assessment=assessment)}
    rows = []
    for sector in CandidateSector.objects.filter(assessment=assessment).order_by("local_name"):
        for criterion in criteria:
            v = values.get((sector.pk, criterion.pk))
            rows.append(
                (
                    sector.local_name,
                    criterion.name,
                    v.value if v else "",
                    v.source if v else "",
                    v.confidence if v else "medium",
                )
            )
    return rows
