"""The program stage of many cities at once, from each app's facts."""

from collections import defaultdict

from django.db.models import Count, Max, Q
from django.utils import timezone

from ccrs import panels

from ..models import (
    OnboardingStep,
)
from ..stages import CityStage, Stage, StageFacts, city_stage


def _checklist_facts(rows) -> dict[int, dict]:
    """From (city id, steps, steps done, last completion) rows: the date the checklist was completed."""
    return {
        city_id: {"checklist_complete": timezone.localdate(last) if total and done == total and last else None}
        for city_id, total, done, last in rows
    }


def _checklist_counts(queryset, prefix=""):
    return queryset.annotate(
        total=Count(f"{prefix}pk"),
        done=Count(f"{prefix}pk", filter=Q(**{f"{prefix}completed_at__isnull": False})),
        last=Max(f"{prefix}completed_at"),
    )


def onboarding_facts(*, city_ids: list[int]) -> dict[int, dict]:
    """The cities app's own fact: the date every onboarding step was done (one query)."""
    rows = _checklist_counts(OnboardingStep.objects.filter(city_id__in=city_ids).values("city_id"))
    return _checklist_facts(rows.values_list("city_id", "total", "done", "last"))


def later_app_facts(*, city_ids: list[int]) -> dict[int, dict]:
    """The later apps' facts through their `panels.stage_facts` hooks, one query per app over city_ids.

    sectors → assessment_approved, cocreation → cocreation_started, pilots → pilot_active and
    pilot_closed, network → case_study_published; each value is the date the fact became true.
    """
    return panels.stage_facts(city_ids=city_ids)


def city_stage_details(*, city_ids: list[int], own_facts: dict | None = None) -> dict[int, CityStage]:
    """{city id: stage, the date it was reached and what moves it on} for many cities, one query per app."""
    facts = defaultdict(dict)
    own = onboarding_facts(city_ids=city_ids) if own_facts is None else own_facts
    for source in (own, later_app_facts(city_ids=city_ids)):
        for city_id, values in source.items():
            facts[city_id].update(values)
    return {city_id: city_stage(StageFacts.from_values(facts.get(city_id, {}))) for city_id in city_ids}


def city_stages(*, city_ids: list[int], own_facts: dict | None = None) -> dict[int, Stage]:
    """{city id: program stage} for many cities with a fixed number of queries."""
    return {
        city_id: detail.stage for city_id, detail in city_stage_details(city_ids=city_ids, own_facts=own_facts).items()
    }
