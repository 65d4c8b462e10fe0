"""A period's actual from its approved updates: plain values in, a Decimal out (no ORM).

Unit measures add the approved values up (each update reports what happened since the last one,
as Akvo RSR does for non-cumulative indicators). Percentages add numerators and denominators
and divide, so a large sample weighs more than a small one. Qualitative indicators have no number.
"""

from decimal import ROUND_HALF_UP, Decimal

UNIT, PERCENTAGE, QUALITATIVE = "unit", "percentage", "qualitative"


def period_actual(
    measure: str, approved: list[tuple[Decimal | None, Decimal | None, Decimal | None]]
) -> Decimal | None:
    """The actual of a period from (value, numerator, denominator) of its approved updates."""
    if measure == QUALITATIVE or not approved:
        return None
    if measure == PERCENTAGE:
        numerator = sum((n for _v, n, _d in approved if n is not None), Decimal(0))
        denominator = sum((d for _v, _n, d in approved if d is not None), Decimal(0))
        if denominator == 0:
            return None
        return (numerator * 100 / denominator).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return sum((v for v, _n, _d in approved if v is not None), Decimal(0))


def percentage(numerator: Decimal, denominator: Decimal) -> Decimal:
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
