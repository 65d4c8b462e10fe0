"""The program stage from the apps' own rows: each app's factories put a city at each stage, with its date."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cities import selectors
from cities.stages import Stage
from cocreation.models import PhaseKind
from cocreation.services.processes import phase_advance, phase_schedule
from pilots.models import PilotStatus
from sectors.models import AssessmentStatus
from tests.cities.factories import CityFactory, OnboardingStepFactory
from tests.cocreation.factories import ProcessFactory
from tests.pilots.factories import PilotFactory
from tests.sectors.factories import AssessmentFactory

UTC = ZoneInfo("UTC")


def onboarded(city, on=date(2024, 1, 10)):
    OnboardingStepFactory(
        city=city,
        completed_at=datetime(on.year, on.month, on.day, 9, tzinfo=UTC),
        evidence_url="https://city.example/evidence",
    )
    return city


def approved(city, on=date(2024, 3, 5)):
    AssessmentFactory(
        city=city, status=AssessmentStatus.APPROVED, decided_at=datetime(on.year, on.month, on.day, 10, tzinfo=UTC)
    )
    return city


def cocreating(city, on=date(2024, 4, 1)):
    process = ProcessFactory(city=city)
    phase_advance(
        phase=phase_schedule(process=process, kind=PhaseKind.DISCOVER, starts_on=on, ends_on=on + timedelta(30))
    )
    return city


def stage_of(city):
    return selectors.city_stage_details(city_ids=[city.pk])[city.pk]


@pytest.mark.django_db
def test_a_city_without_a_finished_checklist_is_onboarding():
    """A city with an open onboarding step is at Onboarding, with no date and the checklist as its next step."""
    city = CityFactory()
    OnboardingStepFactory(city=city)
    detail = stage_of(city)
    assert detail.stage == Stage.ONBOARDING
    assert detail.reached_on is None
    assert "onboarding checklist" in detail.next_step


@pytest.mark.django_db
def test_a_finished_checklist_puts_the_city_in_the_assessment():
    """Every step done: the sector assessment, reached on the day the last step was done."""
    city = onboarded(CityFactory(), on=date(2024, 1, 10))
    OnboardingStepFactory(
        city=city,
        kind="team",
        completed_at=datetime(2024, 1, 20, 9, tzinfo=UTC),
        evidence_url="https://city.example/evidence",
    )
    detail = stage_of(city)
    assert (detail.stage, detail.reached_on) == (Stage.ASSESSMENT, date(2024, 1, 20))
    assert "sector assessment" in detail.next_step


@pytest.mark.django_db
def test_an_approved_assessment_puts_the_city_in_cocreation():
    """The sectors app's approved assessment moves the city to co-creation on the day it was decided."""
    city = approved(onboarded(CityFactory()), on=date(2024, 3, 5))
    detail = stage_of(city)
    assert (detail.stage, detail.reached_on) == (Stage.COCREATION, date(2024, 3, 5))
    assert "pilot" in detail.next_step


@pytest.mark.django_db
def test_a_submitted_assessment_does_not_move_the_city():
    city = onboarded(CityFactory())
    AssessmentFactory(city=city, status=AssessmentStatus.SUBMITTED)
    assert stage_of(city).stage == Stage.ASSESSMENT


@pytest.mark.django_db
def test_a_phase_under_way_puts_the_city_in_cocreation():
    """A co-creation phase started through the service: co-creation, reached on the phase's first day."""
    city = cocreating(onboarded(CityFactory()), on=date(2024, 4, 1))
    detail = stage_of(city)
    assert (detail.stage, detail.reached_on) == (Stage.COCREATION, date(2024, 4, 1))


@pytest.mark.django_db
def test_a_planned_phase_or_pilot_does_not_move_the_city():
    city = onboarded(CityFactory())
    phase_schedule(
        process=ProcessFactory(city=city), kind=PhaseKind.DISCOVER, starts_on=date(2024, 4, 1), ends_on=date(2024, 5, 1)
    )
    PilotFactory(city=city, status=PilotStatus.PLANNED)
    assert stage_of(city).stage == Stage.ASSESSMENT


@pytest.mark.django_db
def test_an_active_pilot_puts_the_city_at_pilot():
    """A running pilot: the Pilot stage, reached on the pilot's start date, with its completion next."""
    city = cocreating(approved(onboarded(CityFactory())))
    PilotFactory(city=city, status=PilotStatus.ACTIVE, start_date=date(2024, 6, 1), end_date=date(2025, 6, 1))
    detail = stage_of(city)
    assert (detail.stage, detail.reached_on) == (Stage.PILOT, date(2024, 6, 1))
    assert "Complete the pilot" in detail.next_step


@pytest.mark.django_db
def test_a_paused_pilot_keeps_the_city_at_pilot():
    city = CityFactory()
    PilotFactory(city=city, status=PilotStatus.PAUSED, start_date=date(2024, 6, 1))
    assert stage_of(city).stage == Stage.PILOT


@pytest.mark.django_db
def test_a_completed_pilot_puts_the_city_in_documentation():
    """A completed pilot: Documentation, reached on its end date; publishing the case study is what is left."""
    city = approved(onboarded(CityFactory()))
    PilotFactory(city=city, status=PilotStatus.COMPLETED, start_date=date(2024, 6, 1), end_date=date(2025, 5, 31))
    detail = stage_of(city)
    assert (detail.stage, detail.reached_on) == (Stage.DOCUMENTATION, date(2025, 5, 31))
    assert detail.facts.pilot_active == date(2024, 6, 1)
    assert "case study" in detail.next_step


@pytest.mark.django_db
def test_a_cancelled_pilot_does_not_move_the_city():
    city = approved(onboarded(CityFactory()))
    PilotFactory(city=city, status=PilotStatus.CANCELLED)
    assert stage_of(city).stage == Stage.COCREATION


@pytest.mark.django_db
def test_one_query_per_app_for_any_number_of_cities():
    """The stage of many cities costs the same queries as the stage of one: one per app."""
    one = [approved(onboarded(CityFactory())).pk]
    with CaptureQueriesContext(connection) as single:
        selectors.city_stages(city_ids=one)
    many = one + [cocreating(onboarded(CityFactory())).pk for _ in range(4)]
    for pk in many[1:3]:
        PilotFactory(city_id=pk, status=PilotStatus.ACTIVE)
    with CaptureQueriesContext(connection) as several:
        stages = selectors.city_stages(city_ids=many)
    assert len(several) == len(single)
    assert [stages[pk] for pk in many] == [
        Stage.COCREATION,
        Stage.PILOT,
        Stage.PILOT,
        Stage.COCREATION,
        Stage.COCREATION,
    ]


@pytest.mark.django_db
def test_the_city_dashboard_shows_the_date_reached_and_the_next_step(client_for, city_a, member_a):
    """The city's own dashboard names its stage with the date and says what moves it on."""
    PilotFactory(city=city_a, status=PilotStatus.ACTIVE, start_date=date(2024, 6, 1), end_date=date(2025, 6, 1))
    page = client_for(member_a).get(reverse("cities:dashboard", kwargs={"slug": city_a.slug})).content.decode()
    assert 'data-stage="pilot"' in page
    assert 'datetime="2024-06-01"' in page
    assert "Complete the pilot." in page
