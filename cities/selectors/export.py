"""A cohort's applications and cities as sheets for an export."""

from django.db.models import Count, Q
from django.utils import timezone

from ccrs.rules import is_program_staff

from ..models import (
    Application,
    City,
    CoFundingRecord,
    Cohort,
    OnboardingStep,
    SelectionCriterion,
)
from .applications import _scored, _with_reviews
from .stage import city_stages


def cohort_export(*, user, cohort_id: int) -> dict | None:
    """Every sheet of a cohort's export: applications with scores and decisions, reviews, cities, co-funding."""
    if not is_program_staff(user):
        return None
    cohort = Cohort.objects.filter(pk=cohort_id).first()
    if cohort is None:
        return None
    criteria = list(SelectionCriterion.objects.filter(cohort=cohort))
    applications = list(
        _with_reviews(
            Application.objects.filter(cohort=cohort).select_related("applicant", "decided_by", "city")
        ).order_by("city_name")
    )
    _scored(applications, criteria)
    cities = list(City.objects.filter(cohort=cohort).order_by("name"))
    stages = city_stages(city_ids=[c.pk for c in cities])
    records = list(
        CoFundingRecord.objects.filter(city__cohort=cohort).select_related("city").order_by("city__name", "on", "pk")
    )
    steps = dict(
        OnboardingStep.objects.filter(city__cohort=cohort)
        .values_list("city_id")
        .annotate(done=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by()
    )
    for city in cities:
        city.stage = stages[city.pk]
        city.steps_done = steps.get(city.pk, 0)
    return {
        "cohort": cohort,
        "criteria": criteria,
        "applications": applications,
        "cities": cities,
        "cofunding": records,
        "today": timezone.localdate(),
    }
