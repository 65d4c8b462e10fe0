"""Co-creation's fact of the program stage."""

from django.db.models import Min

from ..models import Phase, PhaseStatus


def cocreation_started_on(*, city_ids) -> dict[int, dict]:
    """{city id: {"cocreation_started": the first day of its earliest phase under way or done}}."""
    rows = (
        Phase.objects.filter(process__city_id__in=city_ids, status__in=[PhaseStatus.ACTIVE, PhaseStatus.DONE])
        .values("process__city_id")
        .annotate(on=Min("starts_on"))
        .values_list("process__city_id", "on")
    )
    return {city_id: {"cocreation_started": on} for city_id, on in rows}
