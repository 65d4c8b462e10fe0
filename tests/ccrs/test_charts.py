"""Server-drawn bar charts: bars are proportional to values, negative bars go left of zero; text stays
legible on a phone, counts get whole ticks, the legend sits below the plot, labels never run into bars."""

import re

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation
from pythainlp.tokenize import word_tokenize

from ccrs import charts
from ccrs.charts import bar_chart, nice_ticks, text_width, wrap


def test_nice_ticks_round_and_cover_the_data():
    assert nice_ticks(0, 0.35) == [0.0, 0.1, 0.2, 0.3, 0.4]
    assert nice_ticks(-0.25, 1) == [-0.5, 0.0, 0.5, 1.0]
    assert nice_ticks(0, 2400) == [0, 1000, 2000, 3000]
    assert nice_ticks(0, 0) == [0.0, 0.25, 0.5, 0.75, 1.0]


@pytest.mark.parametrize("high", [1, 2, 3, 5, 7, 13])
def test_counts_get_whole_number_ticks(high):
    chart = bar_chart(categories=["Invited", "Checked in"], series=[("People", [high, 1])])
    labels = [tick["label"] for tick in chart.ticks]
    assert all(re.fullmatch(r"\d+", label) for label in labels), labels
    assert chart.ticks[-1]["x"] >= max(bar.x + bar.width for bar in chart.bars) - 0.01


def test_fractional_data_keep_fractional_ticks_with_one_number_of_decimals():
    chart = bar_chart(categories=["Batik", "Tourism"], series=[("Score", [0.35, 0.1])])
    assert [tick["label"] for tick in chart.ticks] == ["0.0", "0.1", "0.2", "0.3", "0.4"]


def test_bars_are_proportional_and_negative_goes_left():
    chart = bar_chart(categories=["Batik", "Tourism", "Waste"], series=[("Score", [0.5, 1.0, -0.25])])
    widths = {bar.label: bar.width for bar in chart.bars}
    assert abs(widths["Tourism"] - 2 * widths["Batik"]) < 0.05
    waste = next(bar for bar in chart.bars if bar.label == "Waste")
    assert waste.x + waste.width <= chart.zero_y + 0.01


def test_gaps_and_legend_for_several_series():
    chart = bar_chart(categories=["2024", "2025"], series=[("Target", [10, 20]), ("Actual", [8, None])])
    assert len(chart.bars) == 3 and [item["label"] for item in chart.legend] == ["Target", "Actual"]
    svg = render_to_string("partials/chart_bars.html", {"chart": chart})
    assert svg.count("<rect") == 3 + 2 and "Actual" in svg


PRINCIPLES = [
    ("Resilience contribution", [0.2, 0.1]),
    ("Inclusion and equity", [0.1, 0.3]),
    ("Environmental sustainability", [0.05, 0.1]),
    ("Economic potential", [0.3, 0.2]),
]


def test_legend_sits_below_the_plot_and_wraps_within_the_chart():
    chart = bar_chart(categories=["Batik", "Tourism"], series=PRINCIPLES)
    assert [item["label"] for item in chart.legend] == [name for name, _ in PRINCIPLES]
    for item in chart.legend:
        assert item["y"] > chart.plot_bottom
        assert item["x"] >= 0 and item["x"] + item["width"] <= chart.width
        assert "".join(item["lines"]) == item["label"]  # whole, not "Resilience c"
    assert len({item["y"] for item in chart.legend}) > 1  # four names do not fit one 360-px row
    assert chart.height >= max(item["y"] for item in chart.legend) + charts.LINE_HEIGHT


def test_every_chart_has_one_font_size_and_a_phone_wide_drawing():
    """One unit is one CSS px: the ranking's charts (one of them full width) share a size and a font size."""
    score = bar_chart(categories=["Batik"], series=[("Score", [0.5])])
    contribution = bar_chart(categories=["Batik"], series=PRINCIPLES[:2])
    sizes = set()
    for chart in (score, contribution):
        svg = render_to_string("partials/chart_bars.html", {"chart": chart})
        view_width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
        assert view_width == charts.WIDTH <= 360
        assert f'width="{view_width}"' in svg and "max-width: 100%" in svg  # shrinks, never grows
        sizes |= set(re.findall(r'font-size="(\d+)"', svg))
    assert sizes == {str(charts.FONT_SIZE)}
    assert charts.FONT_SIZE * 328 / charts.WIDTH >= 10.5  # still legible in a 360-px phone's 328-px column


def test_long_and_thai_labels_wrap_inside_their_column():
    thai = "การท่องเที่ยวริมน้ำและหัตถกรรม"  # waterfront tourism and crafts
    lines = wrap(thai, charts.LABEL_WIDTH - 4)
    assert len(lines) > 1 and "".join(lines) == thai
    assert all(text_width(line) <= charts.LABEL_WIDTH - 4 for line in lines)
    assert not any(line.startswith(("\u0e48", "\u0e34", "\u0e35")) for line in lines)  # no mark torn off
    words = word_tokenize(thai, engine="newmm")
    between_words = {len("".join(words[:n])) for n in range(len(words) + 1)}
    ends = [len("".join(lines[: n + 1])) for n in range(len(lines))]
    assert set(ends) <= between_words  # lines break between Thai words, never inside one
    chart = bar_chart(categories=[thai, "Batik"], series=[("Score", [0.5, 1.0])])
    assert chart.categories[0]["lines"] == lines
    svg = render_to_string("partials/chart_bars.html", {"chart": chart})
    assert svg.count("<tspan") == len(lines) + 1
    assert min(bar.x for bar in chart.bars) >= charts.LABEL_WIDTH  # the bars start right of every label


def test_very_long_labels_are_cut_on_plain_text_then_escaped():
    name = "Link to the city's resilience strategy and its " * 3
    chart = bar_chart(categories=[name], series=[("Score", [1])])
    lines = chart.categories[0]["lines"]
    assert len(lines) == charts.MAX_LABEL_LINES and lines[-1].endswith("…")
    svg = render_to_string("partials/chart_bars.html", {"chart": chart})
    assert "city&#x27;s" in svg and not re.search(r"&[#\w]*…", svg)


def test_table_header_label_is_cut_before_it_is_escaped():
    template = Template("{% load charts %}{{ name|translated_label:18 }}")
    with translation.override("en"):
        html = template.render(Context({"name": "Link to the city's resilience strategy"}))
    assert html == "Link to the city&#x27;…"
    assert not re.search(r"&[#\w]*…", html)
