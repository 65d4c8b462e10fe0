"""Server-drawn bar charts: bars are proportional to values, negative bars go left of zero."""

from django.template.loader import render_to_string

from ccrs.charts import bar_chart, nice_ceiling


def test_nice_ceiling():
    assert [nice_ceiling(v) for v in (0.3, 0.35, 7, 12, 180, 2400, 0)] == [0.5, 0.5, 10, 20, 200, 2500, 1.0]


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
