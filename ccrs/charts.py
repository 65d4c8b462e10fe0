"""Charts as inline SVG, drawn on the server so the same chart shows on a dashboard and in a PDF.

Pure geometry (no ORM, no templates): a function takes labels and numbers and returns a dict the
template `partials/chart_bars.html` draws; tick labels are written as the active language writes numbers
(1.000.000.000 in Vietnamese, not 1e+09). Colours come from a palette safe for colour blindness.
"""

import math
from dataclasses import dataclass, field

from . import formatting

PALETTE = ["#0b5563", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#d55e00", "#0072b2", "#999999"]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    value: float
    label: str
    series: str


@dataclass
class BarChart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    zero_y: float = 0.0
    title: str = ""


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k at or above value (for a readable axis)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def bar_chart(
    *,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    width: int = 640,
    bar_height: int = 18,
    label_width: int = 150,
    title: str = "",
) -> BarChart:
    """Horizontal grouped bars: one group per category, one bar per series; None leaves a gap.

    Horizontal bars keep long labels (sector or city names) readable on a 360-px phone.
    """
    values = [v for _name, vals in series for v in vals if v is not None]
    low = min([0.0, *values])
    high = max([0.0, *values])
    top = nice_ceiling(high) if high > 0 else 0.0
    bottom = -nice_ceiling(-low) if low < 0 else 0.0
    span = (top - bottom) or 1.0
    plot_width = width - label_width - 20
    group_height = bar_height * len(series) + 10
    height = 30 + group_height * len(categories) + (20 * len(series) if len(series) > 1 else 0)

    def x_of(value: float) -> float:
        return label_width + (value - bottom) / span * plot_width

    chart = BarChart(width=width, height=height, zero_y=0, title=title)
    for index, category in enumerate(categories):
        y0 = 20 + index * group_height
        chart.categories.append({"label": category, "y": y0 + group_height / 2})
        for s_index, (name, vals) in enumerate(series):
            value = vals[index]
            if value is None:
                continue
            x_start, x_end = sorted([x_of(0.0), x_of(value)])
            chart.bars.append(
                Bar(
                    x=round(x_start, 2),
                    y=y0 + s_index * bar_height,
                    width=round(max(x_end - x_start, 1), 2),
                    height=bar_height - 3,
                    colour=PALETTE[s_index % len(PALETTE)],
                    value=value,
                    label=category,
                    series=name,
                )
            )
    for step in range(5):
        value = bottom + span * step / 4
        chart.ticks.append({"x": round(x_of(value), 2), "label": formatting.number(value, -2)})
    chart.zero_y = round(x_of(0.0), 2)
    if len(series) > 1:
        legend_y = 25 + group_height * len(categories)
        chart.legend = [
            {"label": name, "colour": PALETTE[i % len(PALETTE)], "x": label_width + i * 140, "y": legend_y}
            for i, (name, _vals) in enumerate(series)
        ]
    return chart
