"""Services of workshops: city wall-clock times, opening and closing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cocreation import services
from cocreation.models import WorkshopStatus

pytestmark = pytest.mark.django_db


def test_workshop_times_are_city_wall_clock(process_a):
    """A naive 09:00 in Can Tho is 02:00 UTC."""
    from datetime import datetime

    workshop = services.workshop_schedule(
        process=process_a,
        title="Khung thách thức",
        kind="challenge_framing",
        starts_at=datetime(2026, 3, 10, 9, 0),
        ends_at=datetime(2026, 3, 10, 12, 0),
    )
    assert workshop.starts_at.astimezone(timezone.UTC if hasattr(timezone, "UTC") else None).hour == 2 or (
        workshop.starts_at.utctimetuple().tm_hour == 2
    )


def test_open_needs_a_question(process_a):
    workshop = services.workshop_schedule(
        process=process_a,
        title="W",
        kind="ideation",
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=2),
    )
    with pytest.raises(ValidationError, match="at least one question"):
        services.workshop_open(workshop=workshop)


def test_workshop_close_needs_open(workshop_a, questions_a):
    services.workshop_close(workshop=workshop_a)
    workshop_a.refresh_from_db()
    assert workshop_a.status == WorkshopStatus.CLOSED
    with pytest.raises(ValidationError, match="Only a workshop open"):
        services.workshop_close(workshop=workshop_a)
