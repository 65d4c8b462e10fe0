"""The pilots' facts of the program stage."""

from django.db.models import Max, Min, Q

from ..models import (
    Pilot,
    PilotStatus,
)

STARTED_STATUSES = [PilotStatus.ACTIVE, PilotStatus.PAUSED, PilotStatus.COMPLETED]


def pilot_stage_dates(*, city_ids) -> dict[int, dict]:
    """{city id: {"pilot_active": first start of a started pilot, "pilot_closed": last end of a completed one}}."""
    rows = (
        Pilot.objects.filter(city_id__in=city_ids, status__in=STARTED_STATUSES)
        .values("city_id")
        .annotate(
            active=Min("start_date"),
            closed=Max("end_date", filter=Q(status=PilotStatus.COMPLETED)),
        )
        .values_list("city_id", "active", "closed")
    )
    return {city_id: {"pilot_active": active, "pilot_closed": closed} for city_id, active, closed in rows}
