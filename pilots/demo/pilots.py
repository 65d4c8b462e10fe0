"""A cohort city's pilot, from its awarded proposal where there is one, with its updates in every state."""

import zoneinfo
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone, translation

from ccrs.models import CityRole, User
from cocreation.models import Proposal, ProposalStatus
from sectors.selectors import sector_baselines

from .. import services
from ..models import Indicator, Measure, MilestoneStatus, Period, Pilot, PilotStatus, Update, UpdateStatus
from .data import NARRATIVES, RETURN_COMMENTS

LOCKED_PERIODS = 3  # the first three quarters are locked: their actuals are final


def seed_pilot(city, spec, staff, *, calendar) -> Pilot:
    """The pilot of one city from its spec, started on the calendar's pilot start; returns it."""
    language = city.main_language
    zone = zoneinfo.ZoneInfo(city.time_zone)
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
            start_date=calendar.pilot_start,
            end_date=calendar.pilot_end,
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
            start_date=calendar.pilot_start,
            end_date=calendar.pilot_end,
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
        committed_on=calendar.pilot_start,
    )
    services.funding_add(
        pilot=pilot,
        kind="city_cash",
        funder=city.local_name or city.name,
        amount=spec["match"],
        currency=spec["currency"],
        committed_on=calendar.pilot_start,
    )
    for category, description, amount in spec["lines"]:
        line = services.budget_line_save(
            pilot=pilot, category=category, description=description, amount=amount, currency=spec["currency"]
        )
        services.expenditure_record(
            budget_line=line,
            spent_on=calendar.on(date(2023, 8, 15)),
            amount=(amount * Decimal("0.45")).quantize(Decimal(1)),
            currency=spec["currency"],
            description=description,
        )
    for title, owner, due, status in spec["milestones"]:
        services.milestone_save(
            pilot=pilot,
            title=title,
            owner=owner,
            due_date=calendar.on(due),
            status=status,
            completed_on=calendar.on(due) if status == MilestoneStatus.DONE else None,
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
                baseline_year=calendar.assessment_year if year else None,
                baseline_comment=f"Khảo sát ngành {calendar.assessment_year}" if language == "vi" else "",
                co_benefits=benefits,
                disaggregations=dims,
            )
            for index, ((start, end), target) in enumerate(zip(calendar.quarters, targets, strict=True)):
                period = services.period_create(
                    indicator=indicator, start=start, end=end, target_value=Decimal(target) if target else None
                )
                _seed_updates(period, indicator, index, officer, staff, language, zone)
                if index < LOCKED_PERIODS:
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


def _seed_updates(period: Period, indicator: Indicator, index: int, officer, staff, language: str, zone) -> None:
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
        if period.end < now.date():  # reported within weeks of the period's end
            submitted = datetime.combine(period.end + timedelta(days=5 + 7 * number), time(10, 0), tzinfo=zone)
        else:  # the current period: reported these last days
            submitted = max(now - timedelta(days=2 - number), datetime.combine(period.start, time(9, 0), tzinfo=zone))
        submitted = min(submitted, now - timedelta(hours=2 - number))
        reviewed = min(submitted + timedelta(days=3), now)
        Update.objects.create(
            period=period,
            status=status,
            narrative=narratives[number % 2] if status != UpdateStatus.RETURNED else narratives[0],
            submitted_by=officer,
            submitted_at=submitted,
            reviewed_by=staff if status != UpdateStatus.SUBMITTED else None,
            reviewed_at=reviewed if status != UpdateStatus.SUBMITTED else None,
            review_comment=RETURN_COMMENTS.get(language, "") if status == UpdateStatus.RETURNED else "",
            notified=f"{status}:1" if status != UpdateStatus.SUBMITTED else "",
            **figures,
        )
    services.period_recompute_actual(period=period)
