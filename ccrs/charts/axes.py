"""Axes: round tick values (whole numbers for counts) and their labels as the active language writes numbers."""

import math

from .. import formatting
from .text import LINE_HEIGHT, text_width


def nice_step(raw: float, integer: bool = False) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k at or above `raw`; a whole number of at least 1 when `integer`."""
    if raw <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        step = multiple * magnitude
        if integer and (step < 1 or step != int(step)):
            continue
        if step >= raw * (1 - 1e-9):
            return float(step)
    return float(10 * magnitude)


def nice_ticks(low: float, high: float, *, integer: bool = False, intervals: int = 4) -> list[float]:
    """Round tick values from at or below `low` to at or above `high` (0 always among them when in range).

    With `integer` (counts of people, cities) every tick is a whole number: never 1.25 or 2.5 people.
    """
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1
    step = nice_step((high - low) / intervals, integer)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    count = round((last - first) / step)
    ticks = [first + i * step for i in range(count + 1)]
    return [round(t) if integer else round(t, 10) for t in ticks]


def value_axis(
    values: list[float], length: float, *, gap: float = 8, vertical: bool = False, integer: bool | None = None
) -> tuple[list[float], list[str]]:
    """Ticks covering `values` (and 0) along `length` px, with their labels: whole numbers when every value is whole
    (counts) or `integer` says so, and fewer ticks rather than labels running into each other (side by side, or
    one above the other on a `vertical` axis)."""
    values = [float(v) for v in values]
    if integer is None:
        integer = bool(values) and all(v.is_integer() for v in values)
    low, high = min([0.0, *values]), max([0.0, *values])
    for intervals in (4, 3, 2, 1):
        ticks = nice_ticks(low, high, integer=integer, intervals=intervals)
        step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
        digits = next(d for d in range(7) if abs(round(step, d) - step) < 1e-9 or d == 6)
        labels = [formatting.number(v, digits) for v in ticks]
        spacing = length / max(len(ticks) - 1, 1)
        size = LINE_HEIGHT if vertical else max(text_width(label) for label in labels)
        if size + gap <= spacing:
            break
    return ticks, labels
