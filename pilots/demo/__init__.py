"""Demo and scale data of the pilots app: a pilot for each cohort city that reached that stage.

Bangkok and Melaka pilot waterfront tourism, Semarang green batik, Jakarta and Can Tho waste
collection and separation; Da Nang is still assessing its sector and has no pilot. Text is in
each city's language. Updates are created in every state (submitted, returned, approved).
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation

from ccrs.models import CityMembership, CityRole, User
from cities.demo import SCALE_CITY_PREFIX
from cities.models import City
from cocreation.models import Proposal, ProposalStatus
from sectors.selectors import sector_baselines

from .. import services
from ..models import (
    BudgetLine,
    Expenditure,
    FundingSource,
    Indicator,
    Measure,
    Milestone,
    MilestoneStatus,
    Period,
    Pilot,
    PilotStatus,
    Result,
    Risk,
    SMEPartner,
    Update,
    UpdateStatus,
)
from .data import END, NARRATIVES, PILOTS, QUARTERS, RATES, RETURN_COMMENTS, START


@transaction.atomic
def seed_demo(*, log) -> None:
    """Create the cohort's pilots once (a pilot that exists already is left as it is)."""
    for currency, rows in RATES.items():
        for valid_from, rate in rows:
            services.exchange_rate_set(currency=currency, reporting_currency="USD", valid_from=valid_from, rate=rate)
    staff = User.objects.filter(email="staff@ccrs.demo").first() or User.objects.filter(is_staff=True).first()
    created = 0
    for slug, spec in PILOTS.items():
        city = City.objects.filter(slug=slug).first()
        if city is None or Pilot.objects.filter(city=city, title=spec["title"]).exists():
            continue
        _seed_pilot(city, spec, staff)
        created += 1
    log(f"{created} demo pilots")


def _seed_pilot(city, spec, staff) -> Pilot:
    language = city.main_language
    officer = (
        User.objects.filter(memberships__city=city, memberships__role__in=[CityRole.OFFICER, CityRole.LEAD])
        .order_by("memberships__role")
        .first()
    ) or staff
    award = Proposal.objects.filter(call__process__city=city, status=ProposalStatus.AWARDED, pilot__isnull=True).first()
    if award is not None:
        pilot = services.pilot_start_from_award(
            proposal=award,
            title=spec["title"],
            description=spec["description"],
            start_date=START,
            end_date=END,
            reporting_currency="USD",
        )
    else:
        pilot = services.pilot_create(
            city=city,
            title=spec["title"],
            description=spec["description"],
            solution=spec["solution"],
            sector_isic=spec["sector"][0],
            sector_name=spec["sector"][1],
            start_date=START,
            end_date=END,
            reporting_currency="USD",
        )
    services.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    for name, size, women_led in spec["partners"]:
        if not pilot.partners.filter(name=name).exists():
            services.partner_add(pilot=pilot, name=name, firm_size=size, women_led=women_led)
    services.funding_add(
        pilot=pilot,
        kind="grant",
        funder="CCRS · Citi Foundation",
        amount=spec["grant"],
        currency="USD",
        committed_on=START,
    )
    services.funding_add(
        pilot=pilot,
        kind="city_cash",
        funder=city.local_name or city.name,
        amount=spec["match"],
        currency=spec["currency"],
        committed_on=START,
    )
    for category, description, amount in spec["lines"]:
        line = services.budget_line_save(
            pilot=pilot, category=category, description=description, amount=amount, currency=spec["currency"]
        )
        services.expenditure_record(
            budget_line=line,
            spent_on=date(2026, 2, 15),
            amount=(amount * Decimal("0.45")).quantize(Decimal(1)),
            currency=spec["currency"],
            description=description,
        )
    for title, owner, due, status in spec["milestones"]:
        services.milestone_save(
            pilot=pilot,
            title=title,
            owner=owner,
            due_date=due,
            status=status,
            completed_on=due if status == MilestoneStatus.DONE else None,
        )
    for title, likelihood, impact, mitigation, owner in spec["risks"]:
        services.risk_save(
            pilot=pilot, title=title, likelihood=likelihood, impact=impact, mitigation=mitigation, owner=owner
        )
    for result_type, result_title, indicators in spec["results"]:
        result = services.result_create(pilot=pilot, type=result_type, title=result_title)
        for title, measure, unit, baseline, year, benefits, dims, targets in indicators:
            indicator = services.indicator_create(
                result=result,
                title=title,
                measure=measure,
                unit=unit,
                baseline_value=Decimal(baseline) if baseline else None,
                baseline_year=year,
                baseline_comment="Khảo sát ngành 2024" if language == "vi" else "",
                co_benefits=benefits,
                disaggregations=dims,
            )
            for index, ((start, end), target) in enumerate(zip(QUARTERS, targets, strict=True)):
                period = services.period_create(
                    indicator=indicator, start=start, end=end, target_value=Decimal(target) if target else None
                )
                _seed_updates(period, indicator, index, officer, staff, language)
                if end < date(2026, 4, 1):
                    services.period_lock(period=period)
    baselines = sorted(sector_baselines(city=city), key=lambda b: b.name != "Revenue change since before the pandemic")
    if baselines and pilot.results.exists():
        with translation.override(language):
            services.indicator_create(
                result=pilot.results.order_by("pk").last(),
                title=translation.gettext(baselines[0].name),
                measure=Measure.UNIT,
                sector_baseline=baselines[0],
            )
    return pilot


def _figures(indicator: Indicator, target: Decimal | None, share: Decimal) -> dict:
    if indicator.measure == Measure.QUALITATIVE:
        return {}
    if indicator.measure == Measure.PERCENTAGE:
        households = Decimal(400)
        numerator = (households * (target or Decimal(0)) * share / 100).quantize(Decimal(1))
        return {
            "numerator": numerator,
            "denominator": households,
            "value": (numerator * 100 / households).quantize(Decimal("0.01")),
        }
    value = ((target or Decimal(0)) * share).quantize(Decimal(1))
    disaggregated = {}
    if "women_led" in indicator.disaggregations:
        women = (value * Decimal("0.4")).quantize(Decimal(1))
        disaggregated["women_led"] = {"women_led": str(women), "other": str(value - women)}
    if "firm_size" in indicator.disaggregations:
        micro = (value * Decimal("0.6")).quantize(Decimal(1))
        disaggregated["firm_size"] = {"micro": str(micro), "small": str(value - micro), "medium": "0"}
    return {"value": value, "disaggregated": disaggregated}


def _seed_updates(period: Period, indicator: Indicator, index: int, officer, staff, language: str) -> None:
    """Past periods: approved updates; the last ended one: a returned update; the current one: submitted."""
    narratives = NARRATIVES.get(language, NARRATIVES["id"])
    now = timezone.now()
    if index <= 3:
        states = [(UpdateStatus.APPROVED, Decimal("0.55")), (UpdateStatus.APPROVED, Decimal("0.40"))]
    elif index == 4:
        states = [(UpdateStatus.APPROVED, Decimal("0.5")), (UpdateStatus.RETURNED, Decimal("0.3"))]
    else:
        states = [(UpdateStatus.SUBMITTED, Decimal("0.45"))]
    for number, (status, share) in enumerate(states):
        figures = _figures(indicator, period.target_value, share)
        submitted = (
            timezone.make_aware(
                timezone.datetime.combine(period.end - timedelta(days=10 - number), timezone.datetime.min.time())
            )
            if period.end < now.date()
            else now - timedelta(days=2 - number)
        )
        Update.objects.create(
            period=period,
            status=status,
            narrative=narratives[number % 2] if status != UpdateStatus.RETURNED else narratives[0],
            submitted_by=officer,
            submitted_at=submitted,
            reviewed_by=staff if status != UpdateStatus.SUBMITTED else None,
            reviewed_at=submitted + timedelta(days=3) if status != UpdateStatus.SUBMITTED else None,
            review_comment=RETURN_COMMENTS.get(language, "") if status == UpdateStatus.RETURNED else "",
            notified=f"{status}:1" if status != UpdateStatus.SUBMITTED else "",
            **figures,
        )
    services.period_recompute_actual(period=period)


@transaction.atomic
def seed_scale(*, factor: int, log) -> None:
    """A pilot per scale city: 2 results × 2 indicators × 4 periods × 4 updates (2,048 updates per unit)."""
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).order_by("slug"))
    Pilot.objects.bulk_create(
        [
            Pilot(
                city=city,
                title=f"Scale pilot {city.slug}",
                start_date=START,
                end_date=END,
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
        SMEPartner.objects.bulk_create([SMEPartner(pilot=pilot, name=f"SME {n}", firm_size="micro") for n in range(3)])
        FundingSource.objects.create(
            pilot=pilot, kind="grant", funder="CCRS", amount=Decimal("150000"), currency="USD", committed_on=START
        )
        lines = BudgetLine.objects.bulk_create(
            [
                BudgetLine(
                    pilot=pilot, category="equipment", description=f"Line {n}", amount=Decimal("20000"), currency="USD"
                )
                for n in range(3)
            ]
        )
        Expenditure.objects.bulk_create(
            [
                Expenditure(
                    budget_line=line,
                    spent_on=date(2026, 1, 1),
                    amount=Decimal("500"),
                    currency="USD",
                    description="Spend",
                )
                for line in lines
                for _n in range(3)
            ]
        )
        Milestone.objects.bulk_create(
            [
                Milestone(pilot=pilot, title=f"Milestone {n}", owner="City", due_date=START + timedelta(days=60 * n))
                for n in range(4)
            ]
        )
        Risk.objects.bulk_create([Risk(pilot=pilot, title=f"Risk {n}", likelihood=1 + n, impact=2) for n in range(3)])
        results = Result.objects.bulk_create(
            [Result(pilot=pilot, type=t, title=f"{t} result") for t in ("output", "outcome")]
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
                for s, e in QUARTERS[:4]
            ]
        )
        user_id = officers.get(pilot.city_id, fallback)
        now = timezone.now()
        statuses = [UpdateStatus.SUBMITTED, UpdateStatus.SUBMITTED, UpdateStatus.RETURNED, UpdateStatus.APPROVED]
        Update.objects.bulk_create(
            [
                Update(
                    period=p,
                    status=s,
                    value=Decimal(10 + n),
                    submitted_by_id=user_id,
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
    updates = Update.objects.filter(period__indicator__result__pilot__in=pilots).count()
    log(f"{len(pilots)} scale pilots, {updates} updates")
