"""The program dashboard's "all cohorts" view: each app's per-city figures regrouped by cohort (no ORM).

With more than one cohort the whole program is read a cohort at a time: one column, row or line per cohort,
each linking to that cohort's own view (where every city stands on its own). The page's size and its drawing
then follow the number of cohorts, not of cities. Sums stay sums and shares stay pooled (Σ numerators /
Σ denominators), so each cohort's figure is what its own view shows in total.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .aggregates import share


@dataclass(frozen=True)
class CohortColumn:
    """A cohort standing for its cities: named like a city (`name`), linking to its own view (`url`)."""

    pk: int
    name: str
    url: str
    city_count: int = 0

    def get_absolute_url(self) -> str:
        return self.url


@dataclass
class Part:
    """A cohort's part of a program indicator in one period: its pilots added up, or pooled."""

    label: str
    url: str
    value: Decimal | None = None
    numerator: Decimal = Decimal(0)
    denominator: Decimal = Decimal(0)

    @property
    def share(self) -> Decimal | None:
        return share(self.numerator, self.denominator)


@dataclass
class Grouping:
    """The cohorts as columns and the cohort of each city."""

    columns: list[CohortColumn]
    column_of: dict[int, int]  # city id -> cohort id
    by_pk: dict[int, CohortColumn] = field(init=False)

    def __post_init__(self):
        self.by_pk = {column.pk: column for column in self.columns}

    def of_city(self, city_id) -> CohortColumn | None:
        return self.by_pk.get(self.column_of.get(city_id))


def grouping(*, cohorts, cities, url_of) -> Grouping:
    """The cohorts that have cities, newest first as the filter lists them; `url_of(cohort)` is its own view."""
    counts = Counter(city.cohort_id for city in cities)
    columns = [CohortColumn(c.pk, c.name, url_of(c), counts[c.pk]) for c in cohorts if counts[c.pk]]
    return Grouping(columns=columns, column_of={city.pk: city.cohort_id for city in cities})


def money_rows(rows: list[dict], group: Grouping) -> list[dict]:
    """Money rows with each item credited to its city's cohort, linking to the cohort's view."""
    return [
        {
            **row,
            "items": [(group.column_of.get(city_id), *rest) for city_id, *rest in row["items"]],
            "city_urls": {column.pk: f"{column.url}#money" for column in group.columns},
        }
        for row in rows
    ]


def count_rows(rows: list[dict], group: Grouping, anchor: str) -> list[dict]:
    """Counts per city summed per cohort."""
    out = []
    for row in rows:
        by_cohort = defaultdict(int)
        for city_id, n in row["by_city"].items():
            if city_id in group.column_of:
                by_cohort[group.column_of[city_id]] += n
        out.append({**row, "by_city": dict(by_cohort), "city_urls": _urls(group, anchor)})
    return out


def share_rows(rows: list[dict], group: Grouping, anchor: str) -> list[dict]:
    """Shares per city pooled per cohort: the cohort's numerators and denominators added up."""
    out = []
    for row in rows:
        by_cohort = defaultdict(lambda: (0, 0))
        for city_id, (n, d) in row["by_city"].items():
            if city_id in group.column_of:
                sum_n, sum_d = by_cohort[group.column_of[city_id]]
                by_cohort[group.column_of[city_id]] = (sum_n + (n or 0), sum_d + (d or 0))
        out.append({**row, "by_city": dict(by_cohort), "city_urls": _urls(group, anchor)})
    return out


def _urls(group: Grouping, anchor: str) -> dict[int, str]:
    return {column.pk: f"{column.url}#{anchor}" for column in group.columns}


def funnel(steps: list[dict], group: Grouping) -> list[dict]:
    """Each funnel step with, instead of its cities, how many of each cohort stand at it."""
    out = []
    for step in steps:
        counts = Counter(getattr(item, "cohort_id", None) for item in step["at"])
        out.append({**step, "groups": [(c, counts[c.pk]) for c in group.columns if counts[c.pk]]})
    return out


def pilots(rows: list[dict], group: Grouping) -> list[dict]:
    """Per cohort: its pilots by health (red, amber, green), their overdue milestones and waiting updates."""
    found = {
        c.pk: {"cohort": c, "pilots": 0, "red": 0, "amber": 0, "green": 0, "overdue": 0, "waiting": 0}
        for c in group.columns
    }
    for row in rows:
        own = found.get(group.column_of.get(row["pilot"].city_id))
        if own is None:
            continue
        own["pilots"] += 1
        own[row["health"].level] += 1
        own["overdue"] += row["overdue_count"]
        own["waiting"] += row["waiting"]
    return [row for row in found.values() if row["pilots"]]


def assessments(rows: list[dict], group: Grouping) -> list[dict]:
    """Per cohort: how many cities' assessments stand at each status, and how many selected a sector."""
    found = {c.pk: {"cohort": c, "statuses": Counter(), "selected": 0} for c in group.columns}
    for row in rows:
        own = found.get(group.column_of.get(row["assessment"].city_id))
        if own is None:
            continue
        own["statuses"][row["assessment"].get_status_display()] += 1
        own["selected"] += 1 if row.get("selection") else 0
    return [
        {**row, "statuses": sorted(row["statuses"].items()), "count": sum(row["statuses"].values())}
        for row in found.values()
    ]


def timeline(*, cities: list, dates: dict, labels: list, group: Grouping) -> dict:
    """Per cohort: its cities at each stage and, for each key date, the first and the last city's."""
    rows = {c.pk: {"cohort": c, "stages": Counter(), "dates": defaultdict(list)} for c in group.columns}
    for city in cities:
        own = rows.get(group.column_of.get(city.pk))
        if own is None:
            continue
        own["stages"][city.stage_detail.stage] += 1
        for key, _label in labels:
            if dates.get(city.pk, {}).get(key):
                own["dates"][key].append(dates[city.pk][key])
    return {
        "labels": [label for _key, label in labels],
        "rows": [
            {
                "cohort": row["cohort"],
                "stages": [
                    (stage, row["stages"][stage]) for stage in _stage_order(row["stages"]) if row["stages"][stage]
                ],
                "dates": [
                    (min(row["dates"][key]), max(row["dates"][key])) if row["dates"][key] else None
                    for key, _label in labels
                ],
            }
            for row in rows.values()
        ],
    }


def _stage_order(stages: Counter) -> list:
    """The stages in the program's order (their choices' own), whichever app defines them."""
    return list(type(next(iter(stages)))) if stages else []


def indicator_periods(item: dict, group: Grouping, percentage: bool) -> list:
    """A program indicator's periods with one part per cohort instead of one per pilot (the program's total as
    before: the parts add up, or pool, to it)."""
    periods = []
    for period in item["periods"]:
        parts: dict[int, Part] = {}
        for part in period.contributions:
            column = group.of_city(part.city_id)
            if column is None:
                continue
            own = parts.setdefault(column.pk, Part(label=column.name, url=f"{column.url}#program-indicators"))
            if percentage:
                own.numerator += part.numerator or 0
                own.denominator += part.denominator or 0
            elif part.value is not None:
                own.value = (own.value or Decimal(0)) + part.value
        periods.append(
            {
                "start": period.start,
                "end": period.end,
                "total": period.total,
                "numerator": period.numerator,
                "denominator": period.denominator,
                "contributions": [parts[c.pk] for c in group.columns if c.pk in parts],
            }
        )
    return periods
