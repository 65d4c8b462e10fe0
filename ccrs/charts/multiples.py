"""Small multiples (`partials/chart_multiples.html`): a grid of small range-and-median strips, one per figure, all on
one scale, so a reader compares the panels at a glance; the city's own value is a dot, never a rank."""

import math
from dataclasses import dataclass, field

from .axes import value_axis
from .layout import PALETTE, WIDTH, Chart, data_table, describe, legend
from .text import FONT_SIZE, LINE_HEIGHT, wrap

GAP = 12  # between the panels
MARGIN = 4
RANGE_COLOUR = "#cfe2e6"


@dataclass
class SmallMultiples(Chart):
    panels: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)  # the one scale: {"offset" (from a panel's left), "label"}
    legend: list[dict] = field(default_factory=list)
    columns: int = 2
    panel_width: float = 0.0


def small_multiples(
    *,
    panels: list[tuple],
    title: str = "",
    own_label: str = "",
    range_label: str = "",
    median_label: str = "",
    columns: int = 2,
    integer: bool | None = None,
) -> SmallMultiples:
    """Panels of (label, own, low, median, high, own text, low text, median text, high text), `columns` a row.

    Every panel shares one scale (its ticks the same in each), from the lowest to the highest value of any panel
    and 0; a label wraps to its panel (Thai between words), and the row is as tall as its tallest label, so no
    label runs into a strip. The legend sits below the grid; the table and the <desc> give every value.
    """
    chart = SmallMultiples(width=WIDTH, height=0, title=title, columns=columns)
    width = (WIDTH - 2 * MARGIN - GAP * (columns - 1)) / columns
    chart.panel_width = round(width, 2)
    inner = width - 8  # room for the dot's radius at either end
    values = [float(v) for row in panels for v in (row[1], row[2], row[4]) if v is not None]
    tick_values, tick_labels = value_axis(values, inner, integer=integer)
    low, high = tick_values[0], tick_values[-1]
    span = (high - low) or 1.0

    def offset(value) -> float | None:
        return None if value is None else round(4 + (float(value) - low) / span * inner, 2)

    chart.ticks = [{"offset": offset(v), "label": t} for v, t in zip(tick_values, tick_labels, strict=True)]
    y = 4.0
    for start in range(0, len(panels), columns):
        row = panels[start : start + columns]
        labels = [wrap(p[0], width, max_lines=3) for p in row]
        captions = [
            [
                *wrap(f"{own_label}: {p[5] or '—'}", width, max_lines=2),
                *wrap(f"{median_label}: {p[7] or '—'}", width, max_lines=2),
            ]
            for p in row
        ]
        label_height = LINE_HEIGHT * max(len(lines) for lines in labels)
        strip_y = y + label_height + 12
        for column, (panel, lines, caption) in enumerate(zip(row, labels, captions, strict=True)):
            label, own, low_v, mid, high_v = panel[:5]
            x = MARGIN + column * (width + GAP)
            low_x, high_x = offset(low_v), offset(high_v)
            chart.panels.append(
                {
                    "label": str(label),
                    "lines": lines,
                    "x": round(x, 2),
                    "right": round(x + width, 2),
                    "label_y": round(y + FONT_SIZE, 2),
                    "strip_y": round(strip_y, 2),
                    "low_x": None if low_x is None else round(x + low_x, 2),
                    "range_width": round(max(high_x - low_x, 2), 2) if low_x is not None else 0,
                    "median_x": None if mid is None else round(x + offset(mid), 2),
                    "own_x": None if own is None else round(x + offset(own), 2),
                    "tick_y": round(strip_y + 10 + FONT_SIZE, 2),
                    "caption_y": round(strip_y + 14 + FONT_SIZE + LINE_HEIGHT, 2),
                    "caption_lines": caption,
                    "ticks": [
                        {
                            "x": round(x + t["offset"], 2),
                            "label": t["label"],
                            "anchor": "start" if i == 0 else "end" if i == len(chart.ticks) - 1 else "middle",
                        }
                        for i, t in enumerate(chart.ticks)
                    ],
                }
            )
        caption_height = LINE_HEIGHT * max(len(c) for c in captions)
        y = strip_y + 14 + FONT_SIZE + LINE_HEIGHT + caption_height
    chart.legend, y = legend(
        [own_label, range_label, median_label], y + 4, colours=[PALETTE[1], RANGE_COLOUR, PALETTE[0]]
    )
    chart.height = math.ceil(y + 4)
    chart.table = data_table(
        "",
        [own_label, range_label, median_label],
        [(p[0], [p[5], f"{p[6]}–{p[8]}" if p[6] else "", p[7]]) for p in panels],
    )
    chart.description = describe(chart.table)
    return chart
