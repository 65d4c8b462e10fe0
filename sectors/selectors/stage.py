"""The sector assessment's fact of the program stage."""

from django.db.models.functions import TruncDate

from ..models import Assessment, AssessmentStatus


def assessment_approved_on(*, city_ids) -> dict[int, dict]:
    """{city id: {"assessment_approved": the date of approval}} of the cities with an approved assessment."""
    rows = (
        Assessment.objects.filter(city_id__in=city_ids, status=AssessmentStatus.APPROVED)
        .annotate(on=TruncDate("decided_at"))
        .values_list("city_id", "on", "updated_at")
    )
    return {city_id: {"assessment_approved": on or updated.date()} for city_id, on, updated in rows}
