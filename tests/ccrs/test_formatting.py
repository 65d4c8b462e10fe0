"""Numbers, money, languages and countries as each reader's language writes them (ccrs.formatting, Babel/CLDR)."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from ccrs import formatting

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "population"),
    [("vi", "1.240.000"), ("id", "1.240.000"), ("th", "1,240,000"), ("ms", "1,240,000"), ("en", "1,240,000")],
)
def test_a_population_is_grouped_as_the_language_groups_it(language, population):
    """Vietnamese groups thousands with dots (Django's own `vi` formats do not group at all)."""
    with translation.override(language):
        assert formatting.number(1_240_000) == population


@pytest.mark.parametrize(
    ("language", "amount", "currency", "written"),
    [
        ("vi", Decimal("1000000000.00"), "VND", f"1.000.000.000{NBSP}₫"),
        ("vi", Decimal("2300000000.00"), "VND", f"2.300.000.000{NBSP}₫"),
        ("id", Decimal("900000000.00"), "IDR", "Rp900.000.000"),
        ("en", Decimal("900000000.00"), "IDR", f"IDR{NBSP}900,000,000"),
        ("th", Decimal("1250000"), "THB", "฿1,250,000.00"),
        ("ms", Decimal("1240000"), "MYR", "RM1,240,000.00"),
        ("en", Decimal("5.5"), "USD", "$5.50"),
    ],
)
def test_money_is_written_with_its_currency_as_the_language_writes_it(language, amount, currency, written):
    """VND and IDR have no decimals in use; THB, MYR and USD two; the symbol sits where the language puts it."""
    with translation.override(language):
        assert formatting.money(amount, currency) == written


def test_decimals_follow_floatformat_rules_with_the_language_mark():
    with translation.override("vi"):
        assert formatting.number(Decimal("0.4567"), 3) == "0,457"
        assert formatting.number(Decimal("2.50"), -2) == "2,50"
        assert formatting.number(Decimal("2.00"), -2) == "2"
        assert formatting.number(None) == ""


def test_the_filters_render_in_the_active_language():
    template = Template(
        "{% load formatting %}{{ n|number }} · {{ a|money:'VND' }} · {{ none|money:'VND'|default:'—' }} · "
        "{{ langs|language_names }} · {{ country|country_name }}"
    )
    context = Context(
        {"n": 1240000, "a": Decimal("1000000000.00"), "none": None, "langs": ["vi", "en"], "country": "TH"}
    )
    with translation.override("vi"):
        assert template.render(context) == f"1.240.000 · 1.000.000.000{NBSP}₫ · — · Tiếng Việt, Tiếng Anh · Thái Lan"
    with translation.override("th"):
        assert template.render(context).endswith("เวียดนาม, อังกฤษ · ไทย")


def test_program_report_cells_are_formatted_numbers():
    """The funder's PDF showed 2300000000.00: its table cells now read 2.300.000.000 in Vietnamese."""
    from django.template.loader import render_to_string

    rows = [["Can Tho", Decimal("2300000000.00")], ["Da Nang", None]]
    area = {"title": "Pilots", "header": ["City", "Spent"], "rows": rows}
    with translation.override("vi"):
        html = render_to_string("reports/program.html", {"areas": [area], "charts": []})
    assert "<td>2.300.000.000</td>" in html and "2300000000" not in html
    assert "<td>—</td>" in html
