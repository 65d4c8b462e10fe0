"""The demo's events: past and upcoming in several languages, a full Thai webinar with a waitlist, closing records."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from network.models import Event, RegistrationStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_events_in_several_languages_and_one_full_with_a_waitlist():
    call_command("seed_demo", verbosity=0)
    events = list(Event.objects.all())
    assert {e.language for e in events} >= {"th", "vi", "id", "ms", "en"}
    now = timezone.now()
    assert any(e.starts_at > now for e in events) and any(e.ends_at < now for e in events)
    webinar = Event.objects.get(language="th")
    seated = webinar.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    assert seated == webinar.capacity
    assert webinar.registrations.filter(status=RegistrationStatus.WAITLISTED).exists()
    past = [e for e in events if e.ends_at < now]
    assert all(e.closed_at and e.summary for e in past)
    assert all(e.registrations.filter(attended=True).exists() for e in past)
