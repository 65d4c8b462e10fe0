"""Charts as inline SVG, drawn on the server so the same chart shows on a dashboard and in a PDF.

Pure geometry (no ORM, no templates): a function takes labels and numbers and returns a dict the
template `partials/chart_bars.html` draws; tick labels are written as the active language writes numbers
(1.000.000.000 in Vietnamese, not 1e+09). Colours come from a palette safe for colour blindness.

Every chart is WIDTH units wide and drawn WIDTH CSS pixels wide (shrinking, never growing, to fit its
column), so one unit is one pixel: text is FONT_SIZE px on every chart and page, and still about 11 px
on a 360-px phone. Labels are measured (an estimate per character, Thai marks taking no width) and
wrapped to their column, so no label runs into a bar; Thai, written without spaces, wraps between
its character clusters. Text is cut here, on the plain text, and escaped only by the template.
"""

import math
import unicodedata
from dataclasses import dataclass, field

from . import formatting

PALETTE = ["#0b5563", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#d55e00", "#0072b2", "#999999"]

WIDTH = 360  # units = CSS px: a phone's width
FONT_SIZE = 12  # px, every text of every chart
LINE_HEIGHT = 15
LABEL_WIDTH = 118  # the category labels' column
PLOT_LEFT = LABEL_WIDTH + 8
PLOT_RIGHT = WIDTH - 14
TOP = 22  # the tick labels' band above the plot
MAX_LABEL_LINES = 3
ELLIPSIS = "…"


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


def _char_width(char: str) -> float:
    """A character's width in em, estimated for a sans-serif font (a little wide, to stay on the safe side)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0  # Thai vowel and tone marks sit above or below their consonant
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char == " ":
        return 0.3
    if char in "il.,:;'|!":
        return 0.3
    if char in "mwMW@%":
        return 0.9
    if char.isupper() or char.isdigit():
        return 0.66
    return 0.6


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    """The estimated width of `text` in px at `font_size`."""
    return sum(_char_width(c) for c in text) * font_size


def _pieces(text: str) -> list[str]:
    """`text` cut where a line may break: after spaces, hyphens and slashes, and in Thai (no spaces
    between words) between the words pythainlp finds; a longer run is cut by `wrap`."""
    pieces: list[str] = []
    current = ""
    for char in text:
        if current and current[-1] in " -/":
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return [word for piece in pieces for word in (_thai_words(piece) if any(map(_is_thai, piece)) else [piece])]


def _thai_words(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize  # its dictionary loads on the first Thai label only

    return [word for word in word_tokenize(text, engine="newmm", keep_whitespace=True) if word]


def _is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def truncate(text: str, width: float, font_size: float = FONT_SIZE) -> str:
    """The plain `text` cut to fit `width` px, with an ellipsis; escape it afterwards, never before."""
    text = str(text)
    if text_width(text, font_size) <= width:
        return text
    kept = ""
    for char in text:
        if text_width(kept + char + ELLIPSIS, font_size) > width and not unicodedata.combining(char):
            break
        kept += char
    return kept.rstrip() + ELLIPSIS


def truncate_chars(text: str, length: int) -> str:
    """The plain `text` cut to `length` characters (marks that take no room not counted), with an ellipsis."""
    text = str(text)
    counted = [c for c in text if not unicodedata.combining(c)]
    if len(counted) <= length:
        return text
    kept, seen = "", 0
    for char in text:
        if not unicodedata.combining(char):
            if seen == length - 1:
                break
            seen += 1
        kept += char
    return kept.rstrip() + ELLIPSIS


def wrap(text: str, width: float, max_lines: int = MAX_LABEL_LINES, font_size: float = FONT_SIZE) -> list[str]:
    """`text` in lines no wider than `width` px, at most `max_lines` (the last one cut with an ellipsis)."""
    lines: list[str] = []
    current = ""
    for piece in _pieces(str(text)):
        if current and text_width(current + piece.rstrip(), font_size) > width:
            lines.append(current.rstrip())
            current = ""
        while text_width(piece.rstrip(), font_size) > width:  # one word wider than the column
            head = truncate(piece, width, font_size)[:-1] or piece[0]
            lines.append(head)
            piece = piece[len(head) :]
        current += piece
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :]) if " " in text else "".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], truncate(rest + ELLIPSIS, width, font_size)]
    return lines or [""]


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


def _is_whole(value: float) -> bool:
    return float(value).is_integer()


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
    integer = bool(values) and all(_is_whole(v) for v in values)
    low, high = min([0.0, *values]), max([0.0, *values])
    plot_width = PLOT_RIGHT - PLOT_LEFT
    for intervals in (4, 3, 2, 1):  # fewer ticks rather than tick labels running into each other
        tick_values = nice_ticks(low, high, integer=integer, intervals=intervals)
        step = tick_values[1] - tick_values[0] if len(tick_values) > 1 else 1
        digits = next(d for d in range(7) if abs(round(step, d) - step) < 1e-9 or d == 6)
        labels = [formatting.number(v, digits) for v in tick_values]
        spacing = plot_width / max(len(tick_values) - 1, 1)
        if max(text_width(label) for label in labels) + 8 <= spacing:
            break
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
        chart.legend, y = _legend([str(name) for name, _vals in series], y)
    chart.height = math.ceil(y + 4)
    return chart


def _legend(names: list[str], y: float) -> tuple[list[dict], float]:
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


@dataclass
class FunnelChart:
    """Steps as centred bars, each as wide as its count is of the first step's, the count written beside it."""

    width: int
    height: int
    steps: list[dict] = field(default_factory=list)
    title: str = ""
    description: str = ""
    font_size: int = FONT_SIZE
    line_height: int = LINE_HEIGHT
    count_x: float = WIDTH - 4


def funnel_chart(*, steps: list[tuple[str, int]], title: str = "", bar_height: int = 18) -> FunnelChart:
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
    chart.description = "; ".join(
        f"{label}: {count_label}" for (label, _n), count_label in zip(steps, count_labels, strict=True)
    )
    return chart


@dataclass
class StripChart:
    """One strip per figure: the peers' range as a bar, their median as a tick, the city's own value as a dot."""

    width: int
    height: int
    rows: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    title: str = ""
    description: str = ""
    font_size: int = FONT_SIZE
    line_height: int = LINE_HEIGHT
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
    return chart
