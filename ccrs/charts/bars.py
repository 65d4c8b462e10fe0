"""Horizontal bars, grouped or stacked (`partials/chart_bars.html`)."""

import math
from dataclasses import dataclass, field

from .. import formatting
from .axes import value_axis
from .layout import LABEL_WIDTH, PALETTE, PLOT_LEFT, PLOT_RIGHT, TOP, WIDTH, Chart, data_table, describe, legend
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
    value_label: str = ""


@dataclass
class BarChart(Chart):
    bars: list[Bar] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    zero_y: float = 0.0
    plot_top: float = TOP
    plot_bottom: float = 0.0
    plot_left: float = PLOT_LEFT
    plot_right: float = PLOT_RIGHT
    stacked: bool = False


def bar_chart(
    *,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    bar_height: int = 16,
    title: str = "",
    value_format=None,
) -> BarChart:
    """Horizontal grouped bars: one group per category, one bar per series; None leaves a gap.

    Horizontal bars keep long labels (sector or city names) readable on a 360-px phone. Whole-number
    data (counts) get whole-number ticks; the legend goes below the plot, wrapping onto more rows.
    `value_format` writes a value for the table and the <desc> (the language's number, at most two decimals).
    """
    return _bars(categories, series, bar_height, title, value_format, stacked=False)


def stacked_bar_chart(
    *,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    bar_height: int = 18,
    title: str = "",
    value_format=None,
) -> BarChart:
    """One horizontal bar per category made of one segment per series (a city's part of a total, say),
    positive parts stacked right of zero and negative ones left; the axis covers the largest stack."""
    return _bars(categories, series, bar_height, title, value_format, stacked=True)


def _bars(categories, series, bar_height, title, value_format, *, stacked: bool) -> BarChart:
    value_format = value_format or (lambda v: formatting.number(v, -2))
    given = [list(vals) for _name, vals in series]  # kept as given (Decimal, int) for the bars' values and specs
    series = [(str(name), [None if v is None else float(v) for v in vals]) for name, vals in series]
    texts = [["" if v is None else value_format(v) for v in vals] for _name, vals in series]  # each written once
    if stacked:
        values = [
            sum(v for _n, vals in series if (v := vals[i]) is not None and v * sign > 0)
            for i in range(len(categories))
            for sign in (1, -1)
        ]
    else:
        values = [v for _name, vals in series for v in vals if v is not None]
    plot_width = PLOT_RIGHT - PLOT_LEFT
    tick_values, labels = value_axis(values, plot_width)
    bottom, top = tick_values[0], tick_values[-1]
    span = (top - bottom) or 1.0

    def x_of(value: float) -> float:
        return PLOT_LEFT + (value - bottom) / span * plot_width

    chart = BarChart(width=WIDTH, height=0, title=title, stacked=stacked)
    rows_per_group = 1 if stacked else len(series)
    y = float(TOP)
    for index, category in enumerate(categories):
        lines = wrap(category, LABEL_WIDTH - 4)
        bars_height = bar_height * rows_per_group
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
        ends = {1: 0.0, -1: 0.0}  # where the next positive and negative segments of a stack start
        for s_index, (name, vals) in enumerate(series):
            value = vals[index]
            if value is None or (stacked and value == 0):
                continue
            start = ends[1 if value > 0 else -1] if stacked else 0.0
            if stacked:
                ends[1 if value > 0 else -1] = start + value
            x_start, x_end = sorted([x_of(start), x_of(start + value)])
            chart.bars.append(
                Bar(
                    x=round(x_start, 2),
                    y=round(bars_top + (0 if stacked else s_index) * bar_height, 2),
                    width=round(max(x_end - x_start, 1), 2),
                    height=bar_height - 3,
                    colour=PALETTE[s_index % len(PALETTE)],
                    value=given[s_index][index],
                    label=str(category),
                    series=name,
                    value_label=texts[s_index][index],
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
        chart.legend, y = legend([name for name, _vals in series], y)
    chart.height = math.ceil(y + 4)
    chart.table = data_table(
        "",
        [name for name, _vals in series],
        [(category, [column[i] for column in texts]) for i, category in enumerate(categories)],
    )
    chart.description = describe(chart.table)
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
