"""The dashboards' chart kinds: stacked bars, lines over periods and small multiples. Counts get whole ticks, the
legend sits outside the plot, wrapped Thai labels stay in their box, every value is in the text alternative, and
small multiples share one scale."""

import re
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from ccrs import charts
from ccrs.charts import line_chart, small_multiples, stacked_bar_chart, text_width

THAI = "ผู้มีส่วนได้ส่วนเสียที่เข้าร่วมเวิร์กช็อปทั้งหมดในรอบการรายงานนี้"  # stakeholders at every workshop this period


def whole(labels):
    return all(re.fullmatch(r"\d+", label) for label in labels)


def test_stacked_bars_stack_each_citys_part_and_tick_whole_counts():
    chart = stacked_bar_chart(
        categories=["Budget", "Expenditure"], series=[("Can Tho", [3, 1]), ("Bangkok", [2, 2])], title="Pilots"
    )
    two = stacked_bar_chart(categories=["Workshops"], series=[("Can Tho", [1]), ("Bangkok", [1])])
    assert whole([tick["label"] for tick in chart.ticks]) and whole([tick["label"] for tick in two.ticks])
    budget = [bar for bar in chart.bars if bar.label == "Budget"]
    assert len({bar.y for bar in budget}) == 1  # one row, not a group
    first, second = budget
    assert abs(second.x - (first.x + first.width)) < 0.05  # Bangkok's part starts where Can Tho's ends
    assert abs(second.width * 3 - first.width * 2) < 0.1
    assert chart.ticks[-1]["x"] >= second.x + second.width - 0.01  # the axis covers the whole stack


def test_stacked_bars_legend_sits_below_the_plot():
    chart = stacked_bar_chart(categories=["Budget"], series=[("Can Tho", [3]), ("Bangkok", [2])])
    assert [item["label"] for item in chart.legend] == ["Can Tho", "Bangkok"]
    assert all(item["y"] > chart.plot_bottom for item in chart.legend)
    assert chart.height >= max(item["y"] for item in chart.legend) + charts.LINE_HEIGHT


def test_stacked_bars_thai_labels_stay_in_their_column():
    chart = stacked_bar_chart(categories=[THAI], series=[("กรุงเทพฯ", [5]), ("เชียงใหม่", [2])])
    lines = chart.categories[0]["lines"]
    assert len(lines) > 1
    assert all(text_width(line) <= charts.LABEL_WIDTH - 4 for line in lines)
    assert min(bar.x for bar in chart.bars) >= charts.LABEL_WIDTH


def test_stacked_bars_text_alternative_has_every_value_as_the_language_writes_it():
    with translation.override("vi"):
        chart = stacked_bar_chart(
            categories=["Ngân sách", "Chi tiêu"],
            series=[("Cần Thơ", [Decimal(2300000), Decimal(1000)]), ("Huế", [Decimal(500000), None])],
        )
        svg = render_to_string("partials/chart_bars.html", {"chart": chart})
    for text in ("2.300.000", "1.000", "500.000"):
        assert text in chart.description
    table = re.search(r'<div class="visually-hidden">.*?<table class="chart-values">.*?</table>', svg, re.S).group(0)
    assert all(f"<td>{text}</td>" in table for text in ("2.300.000", "1.000", "500.000"))
    assert f'<desc id="{chart.uid}-desc">' in svg and f'aria-labelledby="{chart.uid}-title {chart.uid}-desc"' in svg


PERIODS = ["1/2025", "4/2025", "7/2025", "10/2025"]


def test_lines_over_periods_tick_whole_counts_and_break_at_a_gap():
    two = line_chart(periods=PERIODS, series=[("Can Tho", [1, None, 2, 1])])
    assert whole([tick["label"] for tick in two.ticks])
    chart = line_chart(periods=PERIODS, series=[("Program", [3, 5, 4, 7]), ("Can Tho", [1, None, 2, 3])])
    program, can_tho = chart.lines
    assert len(program["segments"]) == 1 and len(can_tho["segments"]) == 2  # no line drawn through a missing period
    assert program["points"][3]["y"] < program["points"][0]["y"]  # 7 above 3
    assert all(chart.plot_top <= point["y"] <= chart.plot_bottom for line in chart.lines for point in line["points"])
    xs = [period["x"] for period in chart.periods]
    assert xs == sorted(xs) and xs[0] == chart.plot_left and xs[-1] == chart.plot_right


def test_lines_legend_sits_below_the_plot_and_its_period_labels():
    chart = line_chart(periods=PERIODS, series=[("Program", [3, 5, 4, 7]), ("Can Tho", [1, 2, 2, 3])])
    assert [item["label"] for item in chart.legend] == ["Program", "Can Tho"]
    assert all(item["y"] > chart.period_y for item in chart.legend)
    assert chart.period_y > chart.plot_bottom


def test_lines_period_labels_never_overlap():
    periods = [f"01/{m:02d}/2025" for m in range(1, 13)]
    chart = line_chart(periods=periods, series=[("Program", list(range(12)))])
    shown = [p for p in chart.periods if p["text"]]
    assert 1 < len(shown) < 12
    for left, right in zip(shown, shown[1:], strict=False):
        assert right["x"] - left["x"] >= text_width(left["text"]) / 2 + text_width(right["text"]) / 2


def test_lines_text_alternative_has_every_value():
    with translation.override("th"):
        chart = line_chart(
            periods=PERIODS,
            series=[("กรุงเทพฯ", [Decimal("1250.5"), 2, None, 4])],
        )
        svg = render_to_string("partials/chart_lines.html", {"chart": chart})
    assert "1,250.50" in chart.description and "4" in chart.description
    assert svg.count("<tr>") == 1 + len(PERIODS)  # the header and one row per period
    assert "<td>1,250.50</td>" in svg


PANELS = [
    (THAI, 40, 10, 30, 80, "40 %", "10 %", "30 %", "80 %"),
    ("Onboarding checklist done", 90, 50, 70, 100, "90 %", "50 %", "70 %", "100 %"),
    ("SMEs among the stakeholders", 20, 5, 25, 60, "20 %", "5 %", "25 %", "60 %"),
]


def peers_chart(panels=PANELS, **options):
    return small_multiples(
        panels=panels, own_label="กรุงเทพฯ", range_label="peers' range", median_label="peers' median", **options
    )


def test_small_multiples_share_one_scale():
    chart = peers_chart()
    offsets = [[tick["x"] - panel["x"] for tick in panel["ticks"]] for panel in chart.panels]
    labels = [[tick["label"] for tick in panel["ticks"]] for panel in chart.panels]
    assert all(o == offsets[0] for o in offsets) and all(lab == labels[0] for lab in labels)
    assert labels[0][0] == "0" and labels[0][-1] == "100"  # from 0 to the highest value of any panel
    # the same value sits at the same place in each panel: 50 in the second panel, 50 between 40 and 60 elsewhere
    first, second, third = chart.panels
    third_high = third["low_x"] + third["range_width"] - third["x"]
    assert abs((second["low_x"] - second["x"]) - (first["own_x"] - first["x"] + third_high) / 2) < 0.1


def test_small_multiples_tick_whole_counts_and_place_the_legend_below_the_grid():
    chart = peers_chart(panels=[("Workshops held", 1, 0, Decimal("1.5"), 2, "1", "0", "1.5", "2")], integer=True)
    assert whole([tick["label"] for tick in chart.ticks])
    lowest = max(panel["caption_y"] for panel in chart.panels)
    assert all(item["y"] > lowest for item in chart.legend)
    assert [item["label"] for item in chart.legend] == ["กรุงเทพฯ", "peers' range", "peers' median"]


def test_small_multiples_wrap_thai_labels_within_their_panel():
    chart = peers_chart()
    panel = chart.panels[0]
    assert len(panel["lines"]) > 1
    assert all(text_width(line) <= chart.panel_width for line in panel["lines"])
    assert panel["x"] + chart.panel_width <= chart.panels[1]["x"]  # the next panel starts beyond the box
    # the strip lies below the label's last line
    assert panel["strip_y"] - 5 > panel["label_y"] + charts.LINE_HEIGHT * (len(panel["lines"]) - 1)


def test_small_multiples_text_alternative_has_every_value_and_no_rank():
    chart = peers_chart()
    svg = render_to_string("partials/chart_multiples.html", {"chart": chart})
    for _label, *_v, own, low, median, high in PANELS:
        assert all(text in chart.description for text in (own, low, median, high))
    assert svg.count("<tr>") == 1 + len(PANELS) and "<td>10 %–80 %</td>" in svg
    assert re.search(r"\brank", svg.lower()) is None


def test_every_kind_has_one_font_size_and_scales_with_its_view_box():
    kinds = {
        "bars": stacked_bar_chart(categories=["Budget"], series=[("Can Tho", [3])]),
        "lines": line_chart(periods=PERIODS, series=[("Program", [3, 5, 4, 7])]),
        "multiples": peers_chart(),
    }
    for name, chart in kinds.items():
        svg = render_to_string(f"partials/chart_{name}.html", {"chart": chart})
        assert re.search(rf'viewBox="0 0 {charts.WIDTH} \d+"', svg) and "max-width: 100%" in svg
        assert set(re.findall(r'font-size="(\d+)"', svg)) == {str(charts.FONT_SIZE)}
