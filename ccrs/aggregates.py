"""The program dashboard's arithmetic over the apps' plain values (no ORM): money in the reporting currency
through dated rates, and shares pooled from numerators and denominators.

Money items are (city id, amount, currency, date); a table of rates answers `rate_entry(currency, on)`
with the rate that applies (None for the reporting currency itself) or raises MissingRate. A total
with an item that has no rate is no total: it is None, and the currencies without a rate are named
with the earliest date that lacks one, so the page says "no rate for …" instead of a wrong sum.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .money import MissingRate

CENT = Decimal("0.01")


@dataclass
class Converted:
    """A sum in the reporting currency (None when a rate is missing), what had no rate, and the rates used."""

    total: Decimal | None = Decimal("0.00")
    missing: dict[str, date] = field(default_factory=dict)  # currency -> the earliest date without a rate
    rates: set = field(default_factory=set)  # the rate entries used (currency, valid_from, rate)
    count: int = 0

    def add(self, amount, currency: str, on: date, table) -> None:
        self.count += 1
        try:
            entry = table.rate_entry(currency, on)
        except MissingRate:
            if currency not in self.missing or on < self.missing[currency]:
                self.missing[currency] = on
            self.total = None
            return
        rate = Decimal(1) if entry is None else entry.rate
        if entry is not None:
            self.rates.add(entry)
        if self.total is not None:
            self.total += (Decimal(amount) * rate).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def missing_list(self) -> list[tuple[str, date]]:
        return sorted(self.missing.items())


def convert(items: Iterable[tuple], table) -> tuple[Converted, dict[int, Converted]]:
    """The items' total and each city's, in the table's reporting currency."""
    total, by_city = Converted(), defaultdict(Converted)
    for city_id, amount, currency, on in items:
        total.add(amount, currency, on, table)
        by_city[city_id].add(amount, currency, on, table)
    return total, dict(by_city)


def share(numerator, denominator) -> Decimal | None:
    """numerator / denominator in percent, to one decimal; None without a denominator."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def pooled_share(pairs: Iterable[tuple]) -> Decimal | None:
    """Σ numerators / Σ denominators in percent: a city of 400 weighs more than a city of 4 (never the average
    of the cities' percentages)."""
    numerator = denominator = Decimal(0)
    for n, d in pairs:
        numerator += Decimal(n or 0)
        denominator += Decimal(d or 0)
    return share(numerator, denominator)


@dataclass(frozen=True)
class Spread:
    """Where a city's figure sits among its peers': their lowest, median and highest (never a rank)."""

    own: Decimal | None
    low: Decimal | None
    median: Decimal | None
    high: Decimal | None
    peers: int  # how many peers have the figure


def median(values: list) -> Decimal | None:
    ordered = sorted(Decimal(v) for v in values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def spread(own, peers: list) -> Spread:
    """The city's own value and its peers' range and median (peers without the figure left out)."""
    values = [Decimal(v) for v in peers if v is not None]
    return Spread(
        own=None if own is None else Decimal(own),
        low=min(values) if values else None,
        median=median(values),
        high=max(values) if values else None,
        peers=len(values),
    )


def normalised(value, low, high) -> float | None:
    """The value's place between low (0) and high (1) of a range, for a profile on the cohort's scale."""
    if value is None or low is None or high is None:
        return None
    if high == low:
        return 0.5
    return float((Decimal(value) - Decimal(low)) / (Decimal(high) - Decimal(low)))
