"""Reporting-currency arithmetic over dated exchange rates: plain values in, Decimals out (no ORM).

A rate says how many units of the reporting currency one unit of a currency was worth from its
date on; the rate that applies on a day is the latest one dated on or before that day.
"""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ccrs.money import MissingRate

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Rate:
    currency: str
    valid_from: date
    rate: Decimal  # units of the reporting currency per unit of `currency`


class RateTable:
    """Dated rates into one reporting currency, looked up by (currency, date)."""

    def __init__(self, reporting_currency: str, rates: list[Rate]):
        self.reporting_currency = reporting_currency
        self._by_currency: dict[str, list[Rate]] = {}
        for rate in sorted(rates, key=lambda r: r.valid_from):
            self._by_currency.setdefault(rate.currency, []).append(rate)

    def rate_entry(self, currency: str, on: date) -> Rate | None:
        """The rate (with its date) that applies to `currency` on `on`; None for the reporting currency itself.

        Raises MissingRate when no rate of `currency` is dated on or before `on`.
        """
        if currency == self.reporting_currency:
            return None
        rates = self._by_currency.get(currency, [])
        index = bisect_right([r.valid_from for r in rates], on)
        if index == 0:
            raise MissingRate(currency, on)
        return rates[index - 1]

    def rate_on(self, currency: str, on: date) -> Decimal:
        """The latest rate dated on or before `on`; 1 for the reporting currency itself."""
        entry = self.rate_entry(currency, on)
        return Decimal(1) if entry is None else entry.rate

    def convert(self, amount: Decimal, currency: str, on: date) -> Decimal:
        """`amount` of `currency` in the reporting currency at the rate of `on`, to the cent."""
        return (Decimal(amount) * self.rate_on(currency, on)).quantize(CENT, rounding=ROUND_HALF_UP)

    def total(self, items: list[tuple[Decimal, str, date]]) -> Decimal:
        """The sum of (amount, currency, date) items in the reporting currency."""
        return sum((self.convert(amount, currency, on) for amount, currency, on in items), Decimal("0.00"))


def money_totals(table: RateTable, *, funding, lines, spending, start: date) -> dict:
    """Funding at its commitment dates, the budget lines at the pilot's start and spending at its dates, in the
    reporting currency; amounts in a currency without a rate are left out and the currency listed in `missing`."""
    missing = set()

    def total(items):
        result = Decimal("0.00")
        for amount, currency, on in items:
            try:
                result += table.convert(amount, currency, on)
            except MissingRate:
                missing.add(currency)
        return result

    return {
        "funding": total(funding),
        "planned": total((amount, currency, start) for amount, currency in lines),
        "spent": total(spending),
        "missing": missing,
    }


def time_elapsed(start: date, end: date, today: date) -> float:
    """The share of the pilot's time that has passed, between 0 and 1."""
    span = (end - start).days
    if span <= 0:
        return 1.0 if today >= end else 0.0
    return min(max((today - start).days / span, 0.0), 1.0)


def burn_rate(spent: Decimal, budget: Decimal) -> float | None:
    """The share of the budget spent (may pass 1); None without a budget."""
    if budget <= 0:
        return None
    return float(Decimal(spent) / Decimal(budget))
