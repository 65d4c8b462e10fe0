"""Program indicators rolled up across pilots: plain values in, Decimals out (no ORM).

A unit indicator adds up the pilots' actuals of a period; a percentage pools their approved numerators
and denominators (Σ numerators / Σ denominators), so a pilot that surveyed 400 households weighs more
than one that surveyed 4 — never the average of the pilots' percentages. Periods are the pilots' own
reporting periods, grouped when they start and end on the same days.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .actuals import PERCENTAGE, percentage


@dataclass(frozen=True)
class Contribution:
    """One pilot's figure for one period of a program indicator."""

    start: date
    end: date
    city_id: int
    pilot_id: int
    value: Decimal | None = None  # a unit indicator's actual
    numerator: Decimal | None = None  # a percentage's approved sums
    denominator: Decimal | None = None
    label: str = ""  # the city (and pilot) as the page names it
    url: str = ""

    @property
    def share(self) -> Decimal | None:
        return percentage(self.numerator, self.denominator) if self.denominator else None


@dataclass
class PeriodTotal:
    start: date
    end: date
    total: Decimal | None = None
    numerator: Decimal = Decimal(0)
    denominator: Decimal = Decimal(0)
    contributions: list[Contribution] = field(default_factory=list)


def roll_up(measure: str, contributions: list[Contribution]) -> list[PeriodTotal]:
    """Per period (oldest first): the sum of the pilots' actuals, or their pooled percentage, with each part."""
    periods: dict[tuple[date, date], PeriodTotal] = {}
    for item in contributions:
        period = periods.setdefault((item.start, item.end), PeriodTotal(item.start, item.end))
        period.contributions.append(item)
    for period in periods.values():
        if measure == PERCENTAGE:
            period.numerator = sum((c.numerator or Decimal(0) for c in period.contributions), Decimal(0))
            period.denominator = sum((c.denominator or Decimal(0) for c in period.contributions), Decimal(0))
            period.total = percentage(period.numerator, period.denominator) if period.denominator else None
        else:
            values = [c.value for c in period.contributions if c.value is not None]
            period.total = sum(values, Decimal(0)) if values else None
    return [periods[key] for key in sorted(periods)]


def by_city(contributions: list[Contribution]) -> dict[int, list[Contribution]]:
    grouped = defaultdict(list)
    for item in contributions:
        grouped[item.city_id].append(item)
    return dict(grouped)
