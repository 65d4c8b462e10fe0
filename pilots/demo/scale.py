"""Scale data of the pilots app: a pilot per scale city with its results framework and many updates."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ccrs.demo_calendar import calendar
from ccrs.models import CityMembership, CityRole, User
from cities.demo import SCALE_CITY_PREFIX
from cities.models import City

from ..models import (
    BudgetLine,
    Expenditure,
    FundingSource,
    Indicator,
    IndicatorMapping,
    Measure,
    Milestone,
    Period,
    Pilot,
    PilotStatus,
    ProgramIndicator,
    Result,
    Risk,
    SMEPartner,
    Update,
    UpdateStatus,
)


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """A pilot per scale city: 2 results × 2 indicators × 4 periods × 4 updates (2,048 updates per unit), at any
    density."""
    program = calendar()
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).order_by("slug"))
    Pilot.objects.bulk_create(
        [
            Pilot(
                city=city,
                title=f"Scale pilot {city.slug}",
                start_date=program.pilot_start,
                end_date=program.pilot_end,
                status=PilotStatus.ACTIVE,
                reporting_currency="USD",
                sector_isic="E38",
                sector_name="Waste",
            )
            for city in cities
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    pilots = list(Pilot.objects.filter(city__in=cities, title__startswith="Scale pilot ").select_related("city"))
    fresh = [p for p in pilots if not p.results.exists()]
    officers = dict(
        CityMembership.objects.filter(city__in=cities, role=CityRole.OFFICER)
        .order_by("city_id", "pk")
        .values_list("city_id", "user_id")
    )
    fallback = User.objects.filter(is_staff=True).values_list("pk", flat=True).first()
    if fallback is None:
        fallback = User.objects.order_by("pk").values_list("pk", flat=True).first()
    for pilot in fresh:
        FundingSource.objects.create(
            pilot=pilot,
            kind="grant",
            funder="CCRS",
            amount=Decimal("150000"),
            currency="USD",
            committed_on=program.pilot_start,
        )
    # The rest in one bulk insert per table for every fresh pilot (a loop per pilot cost 11 queries each).
    SMEPartner.objects.bulk_create(
        [SMEPartner(pilot=pilot, name=f"SME {n}", firm_size="micro") for pilot in fresh for n in range(3)]
    )
    lines = BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                pilot=pilot, category="equipment", description=f"Line {n}", amount=Decimal("20000"), currency="USD"
            )
            for pilot in fresh
            for n in range(3)
        ]
    )
    Expenditure.objects.bulk_create(
        [
            Expenditure(
                budget_line=line,
                spent_on=program.quarters[2][0],
                amount=Decimal("500"),
                currency="USD",
                description="Spend",
            )
            for line in lines
            for _n in range(3)
        ],
        batch_size=1000,
    )
    Milestone.objects.bulk_create(
        [
            Milestone(
                pilot=pilot, title=f"Milestone {n}", owner="City", due_date=program.pilot_start + timedelta(days=60 * n)
            )
            for pilot in fresh
            for n in range(4)
        ]
    )
    Risk.objects.bulk_create(
        [Risk(pilot=pilot, title=f"Risk {n}", likelihood=1 + n, impact=2) for pilot in fresh for n in range(3)]
    )
    results = Result.objects.bulk_create(
        [Result(pilot=pilot, type=t, title=f"{t} result") for pilot in fresh for t in ("output", "outcome")]
    )
    indicators = Indicator.objects.bulk_create(
        [
            Indicator(
                result=r,
                title=f"Indicator {n} of {r.title}",
                measure=Measure.UNIT,
                unit="t",
                baseline_value=Decimal(5),
                baseline_year=2024,
                disaggregations=["women_led"],
            )
            for r in results
            for n in range(2)
        ]
    )
    periods = Period.objects.bulk_create(
        [
            Period(indicator=i, start=s, end=e, target_value=Decimal(100))
            for i in indicators
            for s, e in program.quarters[:4]
        ],
        batch_size=1000,
    )
    city_of = {r.pk: r.pilot.city_id for r in results}
    now = timezone.now()
    statuses = [UpdateStatus.SUBMITTED, UpdateStatus.SUBMITTED, UpdateStatus.RETURNED, UpdateStatus.APPROVED]
    Update.objects.bulk_create(
        [
            Update(
                period=p,
                status=s,
                value=Decimal(10 + n),
                submitted_by_id=officers.get(city_of[p.indicator.result_id], fallback),
                submitted_at=now,
                review_comment="Check" if s == UpdateStatus.RETURNED else "",
                disaggregated={"women_led": {"women_led": "5", "other": str(5 + n)}},
            )
            for p in periods
            for n, s in enumerate(statuses)
        ],
        batch_size=1000,
    )
    Period.objects.filter(pk__in=[p.pk for p in periods]).update(actual_value=Decimal(13))
    _map_to_the_program(indicators)
    updates = Update.objects.filter(period__indicator__result__pilot__in=pilots).count()
    log(f"{len(pilots)} scale pilots, {updates} updates")


def _map_to_the_program(indicators: list[Indicator]) -> None:
    """Each fresh pilot's first indicator (in tonnes) feeds the demo's tonnes program indicator, so the program's
    roll-up and the benchmark's profiles are measured on every scale pilot."""
    from .data import PROGRAM_INDICATORS

    spec = PROGRAM_INDICATORS[0]
    program_indicator = ProgramIndicator.objects.filter(name=spec["name"]).first() or ProgramIndicator.objects.create(
        name=spec["name"], measure=spec["measure"], unit=spec["unit"], description=spec["description"]
    )
    first = {}
    for indicator in indicators:
        first.setdefault(indicator.result.pilot_id, indicator)
    IndicatorMapping.objects.bulk_create(
        [
            IndicatorMapping(program_indicator=program_indicator, pilot_id=pilot_id, indicator=indicator)
            for pilot_id, indicator in first.items()
        ],
        ignore_conflicts=True,
    )
