"""A pilot's money and progress: exchange rates, budget totals, the overview and the program's
glance, the results framework, the review queue, reminders."""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ccrs.charts import bar_chart
from ccrs.rules import is_program_staff

from .. import health
from ..currency import Rate, RateTable, burn_rate, money_totals, time_elapsed
from ..models import (
    BudgetApproval,
    BudgetLine,
    ExchangeRate,
    Expenditure,
    FundingKind,
    FundingSource,
    Indicator,
    Milestone,
    MilestoneStatus,
    Period,
    Pilot,
    PilotStatus,
    Result,
    Update,
    UpdateEvidence,
    UpdateStatus,
)
from .pilots import QUEUE_PAGE_SIZE, REMINDER_DAYS_BEFORE_END, pilots_visible_to


def rate_table(*, reporting_currency: str) -> RateTable:
    """Every exchange rate into the reporting currency (a few hundred rows at most)."""
    rows = ExchangeRate.objects.filter(reporting_currency=reporting_currency).values_list(
        "currency", "valid_from", "rate"
    )
    return RateTable(reporting_currency, [Rate(c, d, r) for c, d, r in rows])


def budget_totals(*, pilot: Pilot, table: RateTable | None = None, exclude_expenditure: int | None = None) -> dict:
    """Funding, planned budget, spending and approved excess in the reporting currency.

    Funding converts at its commitment date, budget lines at the pilot's start, spending at its date.
    Amounts in a currency without a rate are left out and listed under `missing`.
    """
    table = table or rate_table(reporting_currency=pilot.reporting_currency)
    totals = money_totals(
        table,
        funding=pilot.funding.values_list("amount", "currency", "committed_on"),
        lines=pilot.budget_lines.values_list("amount", "currency"),
        spending=Expenditure.objects.filter(budget_line__pilot=pilot)
        .exclude(pk=exclude_expenditure)
        .values_list("amount", "currency", "spent_on"),
        start=pilot.start_date,
    )
    approved = BudgetApproval.objects.filter(pilot=pilot).aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    return {**totals, "approved_excess": approved}


def _progress(periods: list[Period], indicators: dict[int, Indicator], today: date) -> list[health.Progress]:
    items = []
    for period in periods:
        indicator = indicators[period.indicator_id]
        if period.end >= today or period.target_value is None or not indicator.is_quantitative:
            continue
        items.append(
            health.Progress(
                indicator=indicator.title,
                baseline=float(indicator.baseline_value or 0),
                target=float(period.target_value),
                actual=None if period.actual_value is None else float(period.actual_value),
            )
        )
    return items


def _glance(*, pilot: Pilot, totals: dict, milestones: list, periods: list[Period], indicators: dict, today: date):
    """Burn, time elapsed, overdue milestones and health of a pilot from its rows already loaded (no queries)."""
    for milestone in milestones:
        milestone.overdue = milestone.is_overdue(today)
    burn = burn_rate(totals["spent"], totals["planned"])
    elapsed = time_elapsed(pilot.start_date, pilot.end_date, today)
    pilot_health = health.pilot_health(
        milestones=[
            health.Milestone(m.title, m.due_date, m.status in {MilestoneStatus.DONE, MilestoneStatus.CANCELLED})
            for m in milestones
        ],
        burn=burn,
        elapsed=elapsed,
        progress=_progress(periods, indicators, today),
        today=today,
    )
    return {
        "burn": None if burn is None else round(burn * 100),
        "elapsed": round(elapsed * 100),
        "overdue_count": sum(1 for m in milestones if m.overdue),
        "health": pilot_health,
    }


def pilot_overview(*, pilot: Pilot, today: date) -> dict:
    """The overview page: partners, money, workplan, risks, results at a glance and the health."""
    table = rate_table(reporting_currency=pilot.reporting_currency)
    totals = budget_totals(pilot=pilot, table=table)
    milestones = list(pilot.milestones.all())
    periods = list(Period.objects.filter(indicator__result__pilot=pilot).order_by("indicator_id", "start"))
    indicators = {i.pk: i for i in Indicator.objects.filter(result__pilot=pilot).select_related("result")}
    glance = _glance(
        pilot=pilot, totals=totals, milestones=milestones, periods=periods, indicators=indicators, today=today
    )
    lines = list(
        pilot.budget_lines.annotate(expenditure_count=Count("expenditures")).order_by("category", "description")
    )
    counts = Update.objects.filter(period__indicator__result__pilot=pilot).aggregate(
        submitted=Count("pk", filter=Q(status=UpdateStatus.SUBMITTED)),
        returned=Count("pk", filter=Q(status=UpdateStatus.RETURNED)),
        approved=Count("pk", filter=Q(status=UpdateStatus.APPROVED)),
    )
    return {
        "partners": list(pilot.partners.all()),
        "funding": list(pilot.funding.all()),
        "budget_lines": lines,
        "totals": totals,
        "burn": glance["burn"],
        "elapsed": glance["elapsed"],
        "milestones": milestones,
        "overdue_count": glance["overdue_count"],
        "risks": list(pilot.risks.all()),
        "health": glance["health"],
        "update_counts": counts,
        "indicator_count": len(indicators),
        "charts": actuals_charts(indicators=list(indicators.values()), periods=periods),
    }


def _program_pilots(*, user, cohort_id: int | None) -> QuerySet[Pilot]:
    visible = pilots_visible_to(user=user)
    return visible if cohort_id is None else visible.filter(city__cohort_id=cohort_id)


def pilots_at_a_glance(*, user, today: date, cohort_id: int | None = None) -> list[dict]:
    """Every pilot the user may see (of one cohort's cities, if given) with its money in the reporting currency,
    time elapsed, overdue milestones and health: the program report's, in eight queries however many pilots."""
    visible = _program_pilots(user=user, cohort_id=cohort_id)
    pilots = list(visible.select_related("city").order_by("city__name", "title"))
    # A subquery, not a list of ids: the same queries run with no pilot as with many (a fixed query budget).
    ids = visible.values("pk")
    tables = rate_tables(
        reporting_currencies={p.reporting_currency for p in pilots}, among=visible.values("reporting_currency")
    )
    funding, grants, lines, spending, milestones, periods = (defaultdict(list) for _n in range(6))
    for pilot_id, kind, *row in FundingSource.objects.filter(pilot_id__in=ids).values_list(
        "pilot_id", "kind", "amount", "currency", "committed_on"
    ):
        funding[pilot_id].append(row)
        if kind == FundingKind.GRANT:
            grants[pilot_id].append(row)
    for pilot_id, *row in BudgetLine.objects.filter(pilot_id__in=ids).values_list("pilot_id", "amount", "currency"):
        lines[pilot_id].append(row)
    for pilot_id, *row in Expenditure.objects.filter(budget_line__pilot_id__in=ids).values_list(
        "budget_line__pilot_id", "amount", "currency", "spent_on"
    ):
        spending[pilot_id].append(row)
    for milestone in Milestone.objects.filter(pilot_id__in=ids):
        milestones[milestone.pilot_id].append(milestone)
    indicators = {i.pk: i for i in Indicator.objects.filter(result__pilot_id__in=ids).select_related("result")}
    for period in Period.objects.filter(indicator__result__pilot_id__in=ids).order_by("indicator_id", "start"):
        periods[indicators[period.indicator_id].result.pilot_id].append(period)
    rows = []
    for pilot in pilots:
        totals = money_totals(
            tables[pilot.reporting_currency],
            funding=funding[pilot.pk],
            lines=lines[pilot.pk],
            spending=spending[pilot.pk],
            start=pilot.start_date,
        )
        glance = _glance(
            pilot=pilot,
            totals=totals,
            milestones=milestones[pilot.pk],
            periods=periods[pilot.pk],
            indicators=indicators,
            today=today,
        )
        rows.append(
            {
                "pilot": pilot,
                "totals": totals,
                "milestones": milestones[pilot.pk],
                "grants": grants[pilot.pk],
                "lines": lines[pilot.pk],
                "spending": spending[pilot.pk],
                **glance,
            }
        )
    return rows


def program_pilots_parts(*, user, today: date, cohort_id: int | None = None) -> dict | None:
    """The program dashboard's pilots: each one's health with its reasons and the updates waiting for review,
    the overdue milestones, and the program grant, budgets and spending as (city, amount, currency, date)
    items for the dashboard to convert; the glance's eight queries and one more."""
    if not is_program_staff(user):
        return None
    rows = pilots_at_a_glance(user=user, today=today, cohort_id=cohort_id)
    waiting = dict(
        Update.objects.filter(
            status=UpdateStatus.SUBMITTED,
            period__indicator__result__pilot__in=_program_pilots(user=user, cohort_id=cohort_id),
        )
        .values_list("period__indicator__result__pilot_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        row["waiting"] = waiting.get(row["pilot"].pk, 0)
    return {"rows": rows, "waiting": sum(waiting.values())}


def rate_tables(*, reporting_currencies, among=None) -> dict[str, RateTable]:
    """The exchange rates into each of these reporting currencies, in one query (`among`: a subquery of the
    currencies to read, so the query runs even when there are none)."""
    rates = defaultdict(list)
    for reporting, currency, valid_from, rate in ExchangeRate.objects.filter(
        reporting_currency__in=reporting_currencies if among is None else among
    ).values_list("reporting_currency", "currency", "valid_from", "rate"):
        rates[reporting].append(Rate(currency, valid_from, rate))
    return {reporting: RateTable(reporting, rates[reporting]) for reporting in reporting_currencies}


def actuals_charts(*, indicators: list[Indicator], periods: list[Period]) -> dict[int, object]:
    """A bar chart per quantitative indicator: target and actual of each period."""
    by_indicator = defaultdict(list)
    for period in periods:
        by_indicator[period.indicator_id].append(period)
    charts = {}
    for indicator in indicators:
        own = by_indicator.get(indicator.pk, [])
        if not indicator.is_quantitative or not own:
            continue
        charts[indicator.pk] = bar_chart(
            categories=[f"{p.start:%Y-%m}–{p.end:%Y-%m}" for p in own],
            series=[
                (_("Target"), [None if p.target_value is None else float(p.target_value) for p in own]),
                (_("Actual"), [None if p.actual_value is None else float(p.actual_value) for p in own]),
            ],
            title=str(indicator.title),
        )
    return charts


def results_framework(*, pilot: Pilot) -> list[Result]:
    """Results → indicators → periods → updates (newest first), each level loaded in one query."""
    updates = Update.objects.select_related("submitted_by").order_by("-submitted_at")
    periods = Period.objects.order_by("start").prefetch_related(Prefetch("updates", queryset=updates))
    indicators = Indicator.objects.order_by("pk").prefetch_related(Prefetch("periods", queryset=periods))
    results = list(pilot.results.order_by("type", "pk").prefetch_related(Prefetch("indicators", queryset=indicators)))
    all_indicators = [i for r in results for i in r.indicators.all()]
    charts = actuals_charts(indicators=all_indicators, periods=[p for i in all_indicators for p in i.periods.all()])
    for indicator in all_indicators:
        indicator.chart = charts.get(indicator.pk)
    return results


def approval_queue(*, user, page: int = 1, city_slug: str = ""):
    """Submitted updates waiting for staff, oldest first, a page at a time: the shown fields of each update,
    with its indicator's, pilot's and city's names, its submitter's and its count of evidence files annotated
    (no related rows made into models)."""
    if not is_program_staff(user):
        return None
    pilot = "period__indicator__result__pilot"
    # A count per shown row (not a GROUP BY over every waiting update), so the queue's index serves the page.
    evidence = UpdateEvidence.objects.filter(update=OuterRef("pk")).values("update").annotate(n=Count("pk")).values("n")
    waiting = Update.objects.filter(status=UpdateStatus.SUBMITTED)
    if city_slug:
        waiting = waiting.filter(**{f"{pilot}__city__slug": city_slug})
    updates = (
        waiting.only("pk", "value", "incomplete", "submitted_at")
        .annotate(
            indicator_title=F("period__indicator__title"),
            period_start=F("period__start"),
            period_end=F("period__end"),
            pilot_title=F(f"{pilot}__title"),
            city_name=F(f"{pilot}__city__name"),
            submitter_name=F("submitted_by__full_name"),
            submitter_email=F("submitted_by__email"),
            evidence_count=Coalesce(Subquery(evidence), 0),
        )
        .order_by("submitted_at", "pk")
    )
    paginator = Paginator(updates, QUEUE_PAGE_SIZE)
    paginator.count = waiting.count()  # counted without the joins that only the shown names need
    return paginator.get_page(page)


def city_pilots(*, city) -> list[Pilot]:
    """The city dashboard's panel: its pilots with their open updates."""
    return list(
        Pilot.objects.filter(city=city)
        .annotate(
            waiting=Count(
                "results__indicators__periods__updates",
                filter=Q(results__indicators__periods__updates__status=UpdateStatus.SUBMITTED),
            ),
            returned=Count(
                "results__indicators__periods__updates",
                filter=Q(results__indicators__periods__updates__status=UpdateStatus.RETURNED),
            ),
        )
        .order_by("title")
    )


def program_pilots(*, user) -> dict | None:
    """The program dashboard's panel: pilots by status and updates waiting for review."""
    if not is_program_staff(user):
        return None
    by_status = dict(Pilot.objects.values_list("status").annotate(n=Count("pk")).order_by())
    waiting = Update.objects.filter(status=UpdateStatus.SUBMITTED).count()
    return {
        "by_status": [(label, by_status.get(value, 0)) for value, label in PilotStatus.choices],
        "waiting": waiting,
    }


def export_rows(*, pilot: Pilot) -> list[Result]:
    """The results framework with every update and evidence file, for the XLSX and IATI exports."""
    updates = Update.objects.select_related("submitted_by", "reviewed_by").order_by("submitted_at")
    periods = Period.objects.order_by("start").prefetch_related(Prefetch("updates", queryset=updates))
    indicators = Indicator.objects.order_by("pk").prefetch_related(Prefetch("periods", queryset=periods))
    return list(pilot.results.order_by("type", "pk").prefetch_related(Prefetch("indicators", queryset=indicators)))


def periods_due_for_reminder(*, today: date):
    """Open periods of active pilots ending within the reminder window, not yet reminded."""
    return Period.objects.filter(
        end__gte=today,
        end__lte=today + timedelta(days=REMINDER_DAYS_BEFORE_END),
        locked=False,
        reminder_sent_at__isnull=True,
        indicator__result__pilot__status=PilotStatus.ACTIVE,
    )
