"""Charts as inline SVG, drawn on the server so the same chart shows on a dashboard and in a PDF.

Pure geometry (no ORM, no templates): a function takes labels and numbers and returns a dataclass a
template `partials/chart_<kind>.html` draws; tick labels are written as the active language writes numbers
(1.000.000.000 in Vietnamese, not 1e+09). Colours come from a palette safe for colour blindness.

Every chart is WIDTH units wide and drawn WIDTH CSS pixels wide (shrinking, never growing, to fit its
column), so one unit is one pixel: text is FONT_SIZE px on every chart and page, and still about 11 px
on a 360-px phone. Labels are measured (an estimate per character, Thai marks taking no width) and
wrapped to their column, so no label runs into a bar; Thai, written without spaces, wraps between
its character clusters. Text is cut here, on the plain text, and escaped only by the template.

One module per concern: `text` (measuring, cutting, wrapping), `axes` (ticks), `layout` (sizes, palette,
legend) and one per kind of chart; this package re-exports what callers use.
"""

from .axes import nice_step, nice_ticks
from .bars import Bar, BarChart, bar_chart, chart_from_spec, chart_spec, stacked_bar_chart
from .funnel import FunnelChart, funnel_chart
from .layout import LABEL_WIDTH, PALETTE, PLOT_LEFT, PLOT_RIGHT, TOP, WIDTH, Chart
from .lines import LineChart, line_chart
from .multiples import SmallMultiples, small_multiples
from .text import ELLIPSIS, FONT_SIZE, LINE_HEIGHT, MAX_LABEL_LINES, text_width, truncate, truncate_chars, wrap

__all__ = [
    "ELLIPSIS",
    "FONT_SIZE",
    "LABEL_WIDTH",
    "LINE_HEIGHT",
    "MAX_LABEL_LINES",
    "PALETTE",
    "PLOT_LEFT",
    "PLOT_RIGHT",
    "TOP",
    "WIDTH",
    "Bar",
    "BarChart",
    "Chart",
    "LineChart",
    "SmallMultiples",
    "FunnelChart",
    "bar_chart",
    "chart_from_spec",
    "chart_spec",
    "funnel_chart",
    "line_chart",
    "nice_step",
    "nice_ticks",
    "small_multiples",
    "stacked_bar_chart",
    "text_width",
    "truncate",
    "truncate_chars",
    "wrap",
]
