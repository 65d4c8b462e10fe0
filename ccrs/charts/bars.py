"""Horizontal grouped bars (`partials/chart_bars.html`)."""

import math
from dataclasses import dataclass, field

from .axes import value_axis
from .layout import LABEL_WIDTH, PALETTE, PLOT_LEFT, PLOT_RIGHT, TOP, WIDTH, legend
from .text import FONT_SIZE, LINE_HEIGHT, wrap


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
    font_size: int = FONT_SIZE
    line_height: int = LINE_HEIGHT
    plot_top: float = TOP
    plot_bottom: float = 0.0
    plot_left: float = PLOT_LEFT
    plot_right: float = PLOT_RIGHT


def bar_chart(
    *,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    bar_height: int = 16,
    title: str = "",
) -> BarChart:
    """Horizontal grouped bars: one group per category, one bar per series; None leaves a gap.

    Horizontal bars keep long labels (sector or city names) readable on a 360-px phone. Whole-number
    data (counts) get whole-number ticks; the legend goes below the plot, wrapping onto more rows.
    """
    values = [v for _name, vals in series for v in vals if v is not None]
    plot_width = PLOT_RIGHT - PLOT_LEFT
    tick_values, labels = value_axis(values, plot_width)
    bottom, top = tick_values[0], tick_values[-1]
    span = (top - bottom) or 1.0

    def x_of(value: float) -> float:
        return PLOT_LEFT + (value - bottom) / span * plot_width

    chart = BarChart(width=WIDTH, height=0, title=title)
    y = float(TOP)
    for index, category in enumerate(categories):
        lines = wrap(category, LABEL_WIDTH - 4)
        bars_height = bar_height * len(series)
        group_height = max(bars_height, LINE_HEIGHT * len(lines)) + 8
        middle = y + group_height / 2
        chart.categories.append(
            {
                "label": str(category),
                "lines": lines,
                # the first line's baseline, so the block of lines is centred on the group
                "y": round(middle - LINE_HEIGHT * (len(lines) - 1) / 2 + FONT_SIZE * 0.35, 2),
            }
        )
        bars_top = middle - bars_height / 2
        for s_index, (name, vals) in enumerate(series):
            value = vals[index]
            if value is None:
                continue
            x_start, x_end = sorted([x_of(0.0), x_of(value)])
            chart.bars.append(
                Bar(
                    x=round(x_start, 2),
                    y=round(bars_top + s_index * bar_height, 2),
                    width=round(max(x_end - x_start, 1), 2),
                    height=bar_height - 3,
                    colour=PALETTE[s_index % len(PALETTE)],
                    value=value,
                    label=str(category),
                    series=str(name),
                )
            )
        y += group_height
    chart.plot_bottom = round(y, 2)
    for i, (value, label) in enumerate(zip(tick_values, labels, strict=True)):
        last = i == len(tick_values) - 1 and len(tick_values) > 1
        chart.ticks.append({"x": round(x_of(value), 2), "label": label, "anchor": "end" if last else "middle"})
    chart.zero_y = round(x_of(0.0), 2)
    y += 10
    if len(series) > 1:
        chart.legend, y = legend([str(name) for name, _vals in series], y)
    chart.height = math.ceil(y + 4)
    return chart


def chart_spec(chart: BarChart) -> dict:
    """A bar chart's data as plain JSON ({"title", "categories", "series": [[name, values]]}), which a stored
    snapshot keeps and `bar_chart(**chart_from_spec(spec))` draws again."""
    categories = [c["label"] for c in chart.categories]
    names = list(dict.fromkeys(bar.series for bar in chart.bars))
    values = {(bar.series, bar.label): bar.value for bar in chart.bars}
    return {
        "title": str(chart.title),
        "categories": categories,
        "series": [[name, [values.get((name, c)) for c in categories]] for name in names],
    }


def chart_from_spec(spec: dict) -> BarChart:
    return bar_chart(
        categories=spec.get("categories", []),
        series=[(name, values) for name, values in spec.get("series", [])],
        title=spec.get("title", ""),
    )
