"""Demo and scale data of the cities app: the real first CCRS cohort, and a large synthetic one.

The demo's dates come from the one program calendar (`ccrs.demo_calendar`); `reset_demo` deletes what
`seed_demo` loads, with whatever a person added to the demo's cities since.
"""

import re

from django.db import transaction
from django.utils.text import slugify

from ccrs.models import Invitation

from ..models import Application, City, Cohort, Score
from .data import COHORT, COHORT_CITIES, COHORT_NAME
from .onboarding import seed_onboarding, seed_teams
from .scale import SCALE_CITY_PREFIX, seed_scale, seed_scale_onboarding, seed_scale_teams

__all__ = [
    "DEMO_CITY_SLUGS",
    "SCALE_CITY_PREFIX",
    "demo_cities",
    "reset_demo",
    "seed_demo",
    "seed_scale",
    "seed_scale_onboarding",
    "seed_scale_teams",
]

DEMO_CITY_SLUGS = [slugify(row["name"]) for row in COHORT_CITIES]
COHORT_NAME_PATTERN = re.compile(rf"^{re.escape(COHORT_NAME)} \d{{4}}$")


def demo_cities() -> dict[str, City]:
    """The demo's six cities by slug (with their cohort)."""
    return {city.slug: city for city in City.objects.filter(slug__in=DEMO_CITY_SLUGS).select_related("cohort")}


@transaction.atomic
def seed_demo(*, log, calendar) -> dict:
    """Create the first cohort and its six cities; returns cities by slug."""
    cohort, _created = Cohort.objects.update_or_create(
        name=f"{COHORT_NAME} {calendar.call_opens.year}",
        defaults={
            **COHORT,
            "start_year": calendar.call_opens.year,
            "end_year": calendar.pilot_end.year,
            "call_opens_on": calendar.call_opens,
            "call_closes_on": calendar.call_closes,
        },
    )
    cities = {}
    for row in COHORT_CITIES:
        slug = slugify(row["name"])
        city, _created = City.objects.update_or_create(slug=slug, defaults={**row, "cohort": cohort})
        cities[slug] = city
    log(f"cohort {cohort.name}: {len(cities)} cities")
    seed_onboarding(cohort=cohort, cities=cities, calendar=calendar, log=log)
    seed_teams(cities=cities, log=log)
    return cities


def demo_cohorts() -> list[Cohort]:
    """The demo's cohort (its name ends with the year its call opened) and any cohort of the demo's cities."""
    named = [c for c in Cohort.objects.filter(name__startswith=COHORT_NAME) if COHORT_NAME_PATTERN.match(c.name)]
    return list({c.pk: c for c in [*named, *Cohort.objects.filter(cities__slug__in=DEMO_CITY_SLUGS)]}.values())


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the demo's cohort, cities, applications, checklists, co-funding, teams and team invitations."""
    cohorts = demo_cohorts()
    Score.objects.filter(review__application__cohort__in=cohorts).delete()
    Application.objects.filter(cohort__in=cohorts).delete()
    Invitation.objects.filter(city__slug__in=DEMO_CITY_SLUGS).delete()
    cities, _by_model = City.objects.filter(slug__in=DEMO_CITY_SLUGS).delete()
    Cohort.objects.filter(pk__in=[c.pk for c in cohorts]).delete()
    log(f"deleted the demo cohort and its cities ({cities} rows)")
