"""What every chart shares: its width (one unit is one CSS px), the plot's margins, the palette and the legend
below the plot."""

from .text import FONT_SIZE, LINE_HEIGHT, text_width, wrap

PALETTE = ["#0b5563", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#d55e00", "#0072b2", "#999999"]

WIDTH = 360  # units = CSS px: a phone's width
LABEL_WIDTH = 118  # the category labels' column
PLOT_LEFT = LABEL_WIDTH + 8
PLOT_RIGHT = WIDTH - 14
TOP = 22  # the tick labels' band above the plot


def legend(names: list[str], y: float) -> tuple[list[dict], float]:
    """Legend items below the plot, left to right, onto a new row when one would pass the chart's edge."""
    swatch, gap, left = 10, 14, 4
    items, x, row_height = [], float(left), 0.0
    for i, name in enumerate(names):
        lines = wrap(name, WIDTH - left - swatch - 8, max_lines=2)
        item_width = swatch + 4 + max(text_width(line) for line in lines)
        if x > left and x + item_width > WIDTH - 4:
            x, y, row_height = float(left), y + row_height + 4, 0.0
        items.append(
            {
                "label": name,
                "lines": lines,
                "colour": PALETTE[i % len(PALETTE)],
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
