"""Demo and scale data of the pilots app: a pilot for each cohort city that reached that stage.

Bangkok and Melaka pilot waterfront tourism, Semarang green batik and Can Tho waste collection and
separation (started from its awarded call); Jakarta's call for SMEs is still open and Da Nang is still
assessing its sector, so neither has a pilot. Dates come from the program calendar (`ccrs.demo_calendar`);
updates are in every state (submitted, returned, approved).
"""

from django.db import transaction

from ccrs.models import User
from cities.demo import DEMO_CITY_SLUGS, demo_cities

from .. import services
from ..models import Expenditure, Indicator, Pilot, ProgramIndicator
from .data import PILOTS, PROGRAM_INDICATORS, RATES
from .pilots import seed_pilot
from .scale import seed_scale

__all__ = ["reset_demo", "seed_demo", "seed_scale"]


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    """The exchange rates, and the pilot of each city whose solution was awarded by now."""
    for currency, rows in RATES.items():
        for valid_from, rate in rows:
            services.exchange_rate_set(currency=currency, reporting_currency="USD", valid_from=valid_from, rate=rate)
    staff = User.objects.filter(email="staff@ccrs.demo").first() or User.objects.filter(is_staff=True).first()
    cities = demo_cities()
    pilots = [
        seed_pilot(cities[slug], spec, staff, calendar=calendar)
        for slug, spec in PILOTS.items()
        if slug in cities and calendar.reached(slug, "award")
    ]
    log(f"{len(pilots)} demo pilots")
    seed_program_indicators(pilots, log=log)


def seed_program_indicators(pilots: list[Pilot], *, log) -> None:
    """The program indicators staff chose, fed by the demo pilots' indicators, and the pilots that opted out."""
    by_city = {pilot.city.slug: pilot for pilot in pilots}
    for spec in PROGRAM_INDICATORS:
        existing = ProgramIndicator.objects.filter(name=spec["name"]).first()
        program_indicator = services.program_indicator_save(
            name=spec["name"],
            measure=spec["measure"],
            unit=spec["unit"],
            description=spec["description"],
            program_indicator=existing,
        )
        for slug, title in spec["mapped"].items():
            if slug in by_city:
                indicator = Indicator.objects.get(result__pilot=by_city[slug], title=title)
                services.indicator_map(program_indicator=program_indicator, indicator=indicator)
        for slug, note in spec["opted_out"].items():
            if slug in by_city:
                services.indicator_opt_out(program_indicator=program_indicator, pilot=by_city[slug], note=note)
    log(f"{len(PROGRAM_INDICATORS)} program indicators")


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the demo cities' pilots and everything in them (the exchange rates stay: they are shared)."""
    pilots = Pilot.objects.filter(city__slug__in=DEMO_CITY_SLUGS)
    Expenditure.objects.filter(budget_line__pilot__in=pilots).delete()
    deleted, _by_model = pilots.delete()
    ProgramIndicator.objects.filter(name__in=[spec["name"] for spec in PROGRAM_INDICATORS]).delete()
    log(f"deleted the demo pilots ({deleted} rows)")
