"""Events and registrants for the events' tests, made through the services."""

from datetime import timedelta

from django.utils import timezone

from network.services import events as services
from tests.conftest import make_user


def make_event(created_by, *, days=7, hours=2, capacity=None, **fields):
    starts_at = fields.pop("starts_at", None) or timezone.now().replace(microsecond=0) + timedelta(days=days)
    defaults = {
        "kind": "webinar",
        "title": "Waterfront tourism after Covid",
        "place": "Bangkok City Hall, room 3",
        "online_url": "https://meet.example.org/waterfront",
        "language": "en",
        "time_zone": "Asia/Bangkok",
    }
    return services.event_create(
        created_by=created_by,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        capacity=capacity,
        **{**defaults, **fields},
    )


def people(n, prefix="member", **flags):
    return [make_user(f"{prefix}{i:03d}@network.example.org", is_network_member=True, **flags) for i in range(n)]
