"""Range-and-median strips: a city against its peers (`partials/chart_strip.html`), never a rank."""

import math
from dataclasses import dataclass, field

from .layout import PALETTE, WIDTH, Chart, data_table
from .text import FONT_SIZE, LINE_HEIGHT, wrap


@dataclass
class StripChart(Chart):
    """One strip per figure: the peers' range as a bar, their median as a tick, the city's own value as a dot."""

    rows: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    plot_left: float = 8
    plot_right: float = WIDTH - 8


def range_strip(
    *, rows: list[tuple], title: str = "", own_label: str = "", range_label: str = "", median_label: str = ""
) -> StripChart:
    """Strips of (label, own, low, median, high, formatted own, formatted low, formatted median, formatted high).

    Each strip has its own scale (figures differ in kind), from the lowest to the highest of the city and its
    peers; the label runs above its strip, wrapped to the chart's width, so long Thai or Vietnamese labels never
    overlap it; the values are written under the strip. No rank is shown: only where the city sits in the range.
    """
    chart = StripChart(width=WIDTH, height=0, title=title)
    left, right = chart.plot_left, chart.plot_right
    y = 4.0
    descriptions = []
    for label, own, low, mid, high, own_text, low_text, mid_text, high_text in rows:
        lines = wrap(label, right - left, max_lines=2)
        label_y = y + FONT_SIZE
        y += LINE_HEIGHT * len(lines) + 4
        known = [float(v) for v in (own, low, high) if v is not None]
        bottom, top = (min(known), max(known)) if known else (0.0, 1.0)
        span = (top - bottom) or 1.0

        def x_of(value, bottom=bottom, span=span):
            return round(left + (float(value) - bottom) / span * (right - left), 2) if value is not None else None

        strip_y = y + 6
        chart.rows.append(
            {
                "label": str(label),
                "lines": lines,
                "label_y": round(label_y, 2),
                "strip_y": round(strip_y, 2),
                "low_x": x_of(low),
                "high_x": x_of(high),
                "range_width": round((x_of(high) or 0) - (x_of(low) or 0), 2) if low is not None else 0,
                "median_x": x_of(mid),
                "own_x": x_of(own),
                "values_y": round(strip_y + 10 + FONT_SIZE, 2),
                "text": {"own": own_text, "low": low_text, "median": mid_text, "high": high_text},
            }
        )
        caption = (
            f"{own_label}: {own_text or '—'} · {range_label}: {low_text or '—'}–{high_text or '—'}"
            f" · {median_label}: {mid_text or '—'}"
        )
        caption_lines = wrap(caption, right - left, max_lines=3)
        chart.rows[-1]["caption_lines"] = caption_lines
        descriptions.append(f"{label}: {caption}")
        y = strip_y + 14 + LINE_HEIGHT * len(caption_lines)
    chart.legend = [
        {"kind": "own", "label": own_label, "colour": PALETTE[1]},
        {"kind": "range", "label": range_label, "colour": "#cfe2e6"},
        {"kind": "median", "label": median_label, "colour": PALETTE[0]},
    ]
    chart.height = math.ceil(y + 4)
    chart.description = "; ".join(descriptions)
    chart.table = data_table(
        "",
        [own_label, range_label, median_label],
        [
            (label, [own_t, f"{low_t}–{high_t}" if low_t else "", mid_t])
            for label, *_v, own_t, low_t, mid_t, high_t in rows
        ],
    )
    return chart
