"""The program indicators rolled up across pilots, and a city's indicator figures for its peers."""

from collections import defaultdict
from dataclasses import replace

from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext

from ccrs import charts, formatting
from ccrs.rules import is_program_staff

from .. import rollup
from ..models import (
    IndicatorMapping,
    Period,
    Pilot,
    ProgramIndicator,
    Update,
    UpdateStatus,
)
from .pilots import START


def program_indicator_rollup(*, user, cohort_id: int | None = None) -> list[dict] | None:
    """Each program indicator rolled up across the pilots mapped to it (of one cohort's cities, if given), per
    period with each city's contribution, and the pilots that opted out; four queries however many pilots."""
    if not is_program_staff(user):
        return None
    rows = indicator_rollup(indicators=list(ProgramIndicator.objects.order_by("position", "name")), cohort_id=cohort_id)
    for row in rows:
        row["chart"] = rollup_chart(row)
    return rows


def rollup_chart(row: dict):
    """A program indicator over its reporting periods: the program's line and one per contributing city (each
    city's pilots added up, or pooled for a percentage); None without a period."""
    periods = row["periods"]
    if not periods:
        return None
    program = row["indicator"]
    keys = [(period.start, period.end) for period in periods]
    series = [(gettext("Program"), [period.total for period in periods])]
    for parts in rollup.by_city([c for period in periods for c in period.contributions]).values():
        totals = {(t.start, t.end): t.total for t in rollup.roll_up(program.measure, parts)}
        series.append((parts[0].label, [totals.get(key) for key in keys]))
    percentage = program.measure == rollup.PERCENTAGE
    return charts.line_chart(
        periods=[date_format(period.start, "SHORT_DATE_FORMAT") for period in periods],
        series=series,
        title=program.name,
        value_format=formatting.percent if percentage else lambda v: formatting.figure(v, "number", program.unit),
        period_name=gettext("Period"),
    )


def indicator_rollup(
    *, indicators: list[ProgramIndicator], cohort_id: int | None = None, city_ids: list[int] | None = None
) -> list[dict]:
    """The roll-up of these program indicators from approved actuals only (so the cities' peers may see it too: the
    dashboard, the admin, the peers and the benchmark), three queries."""
    base = IndicatorMapping.objects.filter(program_indicator__in=[i.pk for i in indicators] or [0])
    if cohort_id is not None:
        base = base.filter(pilot__city__cohort_id=cohort_id)
    if city_ids is not None:
        base = base.filter(pilot__city_id__in=city_ids)
    mappings = list(base.select_related("pilot__city", "indicator").order_by("pilot__city__name", "pilot__title"))
    mapped = base.filter(excluded=False)  # a subquery: the same queries with no mapping as with many
    periods = list(
        Period.objects.filter(indicator__program_mappings__in=mapped)
        .distinct()
        .values_list("pk", "indicator_id", "start", "end", "actual_value")
    )
    sums = {
        period_id: (numerator, denominator)
        for period_id, numerator, denominator in Update.objects.filter(
            status=UpdateStatus.APPROVED, period__indicator__program_mappings__in=mapped
        )
        .values_list("period_id")
        .annotate(n=Sum("numerator"), d=Sum("denominator"))
        .values_list("period_id", "n", "d")
        .order_by()
    }
    by_indicator = defaultdict(list)
    for period_id, indicator_id, start, end, actual in periods:
        by_indicator[indicator_id].append((period_id, start, end, actual))
    rows = []
    for program in indicators:
        own = [m for m in mappings if m.program_indicator_id == program.pk]
        contributions = [
            rollup.Contribution(
                start=start,
                end=end,
                city_id=mapping.pilot.city_id,
                pilot_id=mapping.pilot_id,
                value=actual,
                numerator=sums.get(period_id, (None, None))[0],
                denominator=sums.get(period_id, (None, None))[1],
                label=mapping.pilot.city.name,
                url=mapping.pilot.get_absolute_url(),
            )
            for mapping in own
            if not mapping.excluded
            for period_id, start, end, actual in by_indicator[mapping.indicator_id]
        ]
        rows.append(
            {
                "indicator": program,
                "mapped": [m for m in own if not m.excluded],
                "excluded": [m for m in own if m.excluded],
                "periods": rollup.roll_up(program.measure, contributions),
            }
        )
    return rows


def city_indicator_figures(*, city_ids: list[int]) -> list[dict]:
    """Each program indicator per city over every period ("by_city") and in each reporting period ("by_period":
    {(start, end): {city id: value}}): approved actuals added up, or pooled (Σn / Σd); four queries. Cities
    without a mapped pilot have none (None), an opted-out pilot's city too."""
    rows = indicator_rollup(indicators=list(ProgramIndicator.objects.order_by("position", "name")), city_ids=city_ids)
    figures = []
    for row in rows:
        program = row["indicator"]
        parts = rollup.by_city([c for period in row["periods"] for c in period.contributions])
        values = {}
        for city_id in city_ids:
            own = parts.get(city_id, [])
            [total] = rollup.roll_up(program.measure, [replace(c, start=START, end=START) for c in own]) or [None]
            values[city_id] = total.total if total else None
        by_period = {
            (period.start, period.end): {
                city_id: total.total
                for city_id, own in rollup.by_city(period.contributions).items()
                for total in rollup.roll_up(program.measure, own)
            }
            for period in row["periods"]
        }
        figures.append({"program_indicator": program, "by_city": values, "by_period": by_period})
    return figures


def same_sector_cities(*, city_id: int) -> set[int]:
    """The cities with a pilot in an ISIC sector of this city's pilots (one query)."""
    codes = Pilot.objects.filter(city_id=city_id).exclude(sector_isic="").values("sector_isic")
    return set(Pilot.objects.filter(sector_isic__in=codes).exclude(city_id=city_id).values_list("city_id", flat=True))
