"""What every chart shares: its width (one unit is one CSS px), the plot's margins, the palette and the legend
below the plot."""

import uuid
from dataclasses import dataclass, field

from .text import FONT_SIZE, LINE_HEIGHT, text_width, wrap

PALETTE = ["#0b5563", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#d55e00", "#0072b2", "#999999"]

WIDTH = 360  # units = CSS px: a phone's width
LABEL_WIDTH = 118  # the category labels' column
PLOT_LEFT = LABEL_WIDTH + 8
PLOT_RIGHT = WIDTH - 14
TOP = 22  # the tick labels' band above the plot


@dataclass
class Chart:
    """What every kind has: its size in units (= CSS px), one font size, and its text alternative: `description`
    (the SVG's <desc>) and `table` ({"corner", "columns", "rows": [{"label", "cells"}]}, every value formatted),
    which `partials/chart_table.html` writes as a visually hidden table for screen readers."""

    width: int
    height: int
    title: str = ""
    description: str = ""
    table: dict = field(default_factory=dict)
    font_size: int = FONT_SIZE
    line_height: int = LINE_HEIGHT
    uid: str = field(default_factory=lambda: f"chart-{uuid.uuid4().hex[:10]}")  # ids of its <title> and <desc>


def data_table(corner: str, columns: list[str], rows: list[tuple[str, list[str]]]) -> dict:
    """A chart's values as a table: one row per category (its label, then one formatted cell per column)."""
    return {
        "corner": str(corner),
        "columns": [str(c) for c in columns],
        "rows": [{"label": str(label), "cells": list(cells)} for label, cells in rows],
    }


def describe(table: dict) -> str:
    """The <desc> of a chart: every row of its table in words ("Pilot budgets: Can Tho 1,000, Bangkok 2,000; …"),
    without the column's name when there is only one."""
    parts = []
    single = len(table["columns"]) == 1
    for row in table["rows"]:
        cells = [v or "—" if single else f"{c} {v or '—'}" for c, v in zip(table["columns"], row["cells"], strict=True)]
        parts.append(f"{row['label']}: {', '.join(cells)}")
    return "; ".join(parts)


def legend(names: list[str], y: float, colours: list[str] | None = None) -> tuple[list[dict], float]:
    """Legend items below the plot, left to right, onto a new row when one would pass the chart's edge."""
    swatch, gap, left = 10, 14, 4
    items, x, row_height = [], float(left), 0.0
    colours = colours or [PALETTE[i % len(PALETTE)] for i in range(len(names))]
    for name, colour in zip(names, colours, strict=True):
        lines = wrap(name, WIDTH - left - swatch - 8, max_lines=2)
        item_width = swatch + 4 + max(text_width(line) for line in lines)
        if x > left and x + item_width > WIDTH - 4:
            x, y, row_height = float(left), y + row_height + 4, 0.0
        items.append(
            {
                "label": name,
                "lines": lines,
                "colour": colour,
                "x": round(x, 2),
                "y": round(y, 2),
                "text_x": round(x + swatch + 4, 2),
                "text_y": round(y + FONT_SIZE * 0.85, 2),
                "width": round(item_width, 2),
            }
        )
        x += item_width + gap
        row_height = max(row_height, LINE_HEIGHT * len(lines))
    return items, y + row_height
