"""Lines over reporting periods (`partials/chart_lines.html`): one line per series (a city, an indicator)."""

import math
from dataclasses import dataclass, field

from .. import formatting
from .axes import value_axis
from .layout import PALETTE, WIDTH, Chart, data_table, describe, legend
from .text import FONT_SIZE, LINE_HEIGHT, text_width, truncate

PLOT_HEIGHT = 150


@dataclass
class LineChart(Chart):
    lines: list[dict] = field(default_factory=list)  # {"label", "colour", "segments": ["x,y x,y …"], "points"}
    ticks: list[dict] = field(default_factory=list)  # the value axis: {"y", "label"}
    periods: list[dict] = field(default_factory=list)  # the x axis: {"x", "label", "text", "anchor"}
    legend: list[dict] = field(default_factory=list)
    plot_left: float = 0.0
    plot_right: float = WIDTH - 12
    plot_top: float = 10.0
    plot_bottom: float = 10.0 + PLOT_HEIGHT
    period_y: float = 0.0
    tick_x: float = 0.0  # the value labels' right edge


def line_chart(
    *,
    periods: list[str],
    series: list[tuple[str, list[float | None]]],
    title: str = "",
    value_format=None,
    integer: bool | None = None,
    period_name: str = "",
) -> LineChart:
    """Lines over `periods` (their labels, oldest first), one per (name, values) series; None breaks a line.

    Counts get whole-number ticks (`integer`, or every value whole); the period labels are thinned out, never
    overlapped, and each cut to its slot; the legend sits below the plot and the period labels. The table and
    the <desc> give every value of every series and period.
    """
    value_format = value_format or (lambda v: formatting.number(v, -2))
    values = [float(v) for _name, vals in series for v in vals if v is not None]
    texts = [["" if v is None else value_format(v) for v in vals] for _name, vals in series]  # each written once
    tick_values, tick_labels = value_axis(values, PLOT_HEIGHT, vertical=True, integer=integer)
    chart = LineChart(width=WIDTH, height=0, title=title)
    chart.plot_left = max(28.0, max(text_width(label) for label in tick_labels) + 10)
    chart.tick_x = chart.plot_left - 6
    left, right, bottom = chart.plot_left, chart.plot_right, chart.plot_bottom
    low, high = tick_values[0], tick_values[-1]
    span = (high - low) or 1.0

    def y_of(value: float) -> float:
        return round(bottom - (float(value) - low) / span * PLOT_HEIGHT, 2)

    count = len(periods)
    slot = (right - left) / max(count - 1, 1)

    def x_of(index: int) -> float:
        return round(left + index * slot if count > 1 else (left + right) / 2, 2)

    chart.ticks = [{"y": y_of(v), "label": label} for v, label in zip(tick_values, tick_labels, strict=True)]
    widest = max([text_width(str(p)) for p in periods] + [0])
    every = next((k for k in range(1, count + 1) if widest + 8 <= slot * k), max(count, 1))
    chart.period_y = round(bottom + FONT_SIZE + 6, 2)
    for index, period in enumerate(periods):
        shown = index % every == 0
        anchor = "start" if index == 0 and count > 1 else "end" if index == count - 1 and count > 1 else "middle"
        chart.periods.append(
            {
                "x": x_of(index),
                "label": str(period),
                "text": truncate(str(period), slot * every - 4) if shown else "",
                "anchor": anchor,
            }
        )
    for s_index, (name, vals) in enumerate(series):
        colour = PALETTE[s_index % len(PALETTE)]
        segments, current, points = [], [], []
        for index, value in enumerate(vals):
            if value is None:
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            current.append(f"{x_of(index)},{y_of(value)}")
            points.append(
                {"x": x_of(index), "y": y_of(value), "period": str(periods[index]), "text": texts[s_index][index]}
            )
        if current:
            segments.append(" ".join(current))
        chart.lines.append({"label": str(name), "colour": colour, "segments": segments, "points": points})
    y = chart.period_y + LINE_HEIGHT
    if len(series) > 1:
        chart.legend, y = legend([str(name) for name, _vals in series], y)
    chart.height = math.ceil(y + 4)
    chart.table = data_table(
        period_name,
        [str(name) for name, _vals in series],
        [(period, [column[i] for column in texts]) for i, period in enumerate(periods)],
    )
    chart.description = describe(chart.table)
    return chart
