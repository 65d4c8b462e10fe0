"""The dashboards' charts: a funnel with whole counts and the peers' range-and-median strips, each with a text
alternative."""

from decimal import Decimal

from django.utils import translation

from ccrs.charts import WIDTH, funnel_chart, small_multiples, text_width


def test_the_funnel_writes_whole_counts_and_widths_follow_them():
    chart = funnel_chart(steps=[("Applications", 12), ("Selected", 6), ("Documented", 0)], title="Funnel")
    assert [s["count_label"] for s in chart.steps] == ["12", "6", "0"]
    first, second, last = chart.steps
    assert abs(second["width"] * 2 - first["width"]) < 0.05
    assert last["width"] == 0
    assert first["x"] + first["width"] <= chart.count_x
    assert chart.description == "Applications: 12; Selected: 6; Documented: 0"


def test_funnel_counts_are_grouped_as_the_language_writes_them():
    with translation.override("vi"):
        chart = funnel_chart(steps=[("Hồ sơ", 1200)])
    assert chart.steps[0]["count_label"] == "1.200"


def test_the_strip_places_the_city_in_its_peers_range():
    chart = small_multiples(
        panels=[("Stakeholders engaged", Decimal(1), Decimal(2), Decimal(3), Decimal(4), "1", "2", "3", "4")],
        own_label="Can Tho",
        range_label="peers' range",
        median_label="peers' median",
        columns=1,
    )
    [row] = chart.panels
    high_x = row["low_x"] + row["range_width"]
    assert row["own_x"] < row["low_x"]  # below the peers' lowest: left of their range
    assert high_x <= row["right"]
    assert row["low_x"] < row["median_x"] < high_x
    assert "Can Tho 1" in chart.description and "peers' median 3" in chart.description
    assert chart.width == WIDTH


def test_long_thai_labels_wrap_within_the_strip():
    label = "ผู้มีส่วนได้ส่วนเสียที่เข้าร่วมเวิร์กช็อปทั้งหมดในรอบการรายงานนี้"
    chart = small_multiples(panels=[(label, 1, 1, 1, 1, "1", "1", "1", "1")], own_label="กรุงเทพฯ", columns=1)
    assert all(len(line) < len(label) for line in chart.panels[0]["lines"]) or len(chart.panels[0]["lines"]) == 1
    assert all(text_width(line) <= chart.panel_width for line in chart.panels[0]["lines"])
