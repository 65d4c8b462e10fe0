"""A funnel of steps with their counts (`partials/chart_funnel.html`)."""

import math
from dataclasses import dataclass, field

from .. import formatting
from .layout import LABEL_WIDTH, PALETTE, PLOT_LEFT, WIDTH, Chart, data_table
from .text import FONT_SIZE, LINE_HEIGHT, text_width, wrap


@dataclass
class FunnelChart(Chart):
    """Steps as centred bars, each as wide as its count is of the first step's, the count written beside it."""

    steps: list[dict] = field(default_factory=list)
    count_x: float = WIDTH - 4


def funnel_chart(
    *, steps: list[tuple[str, int]], title: str = "", bar_height: int = 18, count_name: str = ""
) -> FunnelChart:
    """A funnel of (label, count) steps: counts are whole numbers, so they are written, not ticked.

    The description (the SVG's <desc>) lists every step and its count for a screen reader.
    """
    count_labels = [formatting.number(count, 0) for _label, count in steps]
    count_width = max([text_width(label) for label in count_labels] + [0]) + 8
    left, right = PLOT_LEFT, WIDTH - 4 - count_width
    centre, span = (left + right) / 2, right - left
    top = max([count for _label, count in steps] + [0]) or 1
    chart = FunnelChart(width=WIDTH, height=0, title=title)
    y = 4.0
    for (label, count), count_label in zip(steps, count_labels, strict=True):
        lines = wrap(label, LABEL_WIDTH - 4)
        height = max(bar_height, LINE_HEIGHT * len(lines)) + 6
        middle = y + height / 2
        width = span * count / top if count else 0.0
        chart.steps.append(
            {
                "label": str(label),
                "lines": lines,
                "text_y": round(middle - LINE_HEIGHT * (len(lines) - 1) / 2 + FONT_SIZE * 0.35, 2),
                "x": round(centre - width / 2, 2),
                "y": round(middle - bar_height / 2, 2),
                "width": round(max(width, 1.0) if count else 0.0, 2),
                "height": bar_height,
                "count": count,
                "count_label": count_label,
                "count_y": round(middle + FONT_SIZE * 0.35, 2),
                "colour": PALETTE[0],
            }
        )
        y += height
    chart.height = math.ceil(y + 4)
    chart.table = data_table(
        "", [count_name], [(label, [text]) for (label, _n), text in zip(steps, count_labels, strict=True)]
    )
    chart.description = "; ".join(
        f"{label}: {count_label}" for (label, _n), count_label in zip(steps, count_labels, strict=True)
    )
    return chart
