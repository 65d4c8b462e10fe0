"""Numbers as the reader writes them, through the one mechanism (ccrs.formatting, Babel's CLDR data), in each of the
five languages: a page (the program dashboard's money and its chart's ticks), an XLSX cell's number format, a figure
with its unit; the e-mail is in tests/cocreation/test_email_languages.py."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from ccrs import formatting, spreadsheets
from cities import services as cities
from pilots import services as pilots

LANGUAGES = ["vi", "th", "id", "ms", "en"]

# 1,000,000,000 VND committed at 0.00004 USD: 40,000 USD; the chart's ticks 0, 20,000, 40,000.
DASHBOARD = {
    "vi": ("40.000,00\xa0US$", "20.000"),
    "th": ("US$40,000.00", "20,000"),
    "id": ("US$40.000,00", "20.000"),
    "ms": ("USD\xa040,000.00", "20,000"),
    "en": ("$40,000.00", "20,000"),
}
XLSX = {
    "vi": '#,##0\xa0"₫"',
    "th": '"₫"#,##0',
    "id": '"₫"#,##0',
    "ms": '"₫"#,##0',
    "en": '"₫"#,##0',
}


@pytest.fixture
def money(city_a):
    pilots.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2024, 1, 1), rate="0.0000400")
    cities.cofunding_record(
        city=city_a, kind="cash", stage="committed", amount="1000000000", currency="VND", on=date(2024, 2, 1)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_program_dashboard_writes_money_and_chart_ticks_in_the_readers_language(language, money, staff, client_for):
    amount, tick = DASHBOARD[language]
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE=language).get(reverse("program_dashboard")).content.decode()
    money_section = body[body.index('id="money"') : body.index('id="participation"')]
    assert amount in money_section
    chart = re.search(r"<svg.*?</svg>", money_section, re.S).group(0)
    ticks = re.findall(r'text-anchor="(?:middle|end)" fill="#595f64">([^<]+)</text>', chart)
    assert tick in ticks, ticks
    assert f"<td>{amount}</td>" in money_section  # the chart's table for screen readers


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_xlsx_amount_is_a_number_in_its_currencys_format(language):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Co-funding")
    with translation.override(language):
        sheet.append(spreadsheets.xlsx_row(sheet, ["Can Tho", spreadsheets.Amount(2300000000, "VND"), 1250]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    name, amount, count = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(min_row=1))
    assert amount.value == 2300000000 and amount.data_type == "n"  # a number, never a formatted string
    assert amount.number_format == XLSX[language]
    assert count.value == 1250 and count.number_format == "#,##0"


FIGURES = {
    "vi": ("1.250,50\xa0tấn", "80%"),
    "th": ("1,250.50\xa0tấn", "80%"),
    "id": ("1.250,50\xa0tấn", "80%"),
    "ms": ("1,250.50\xa0tấn", "80%"),
    "en": ("1,250.50\xa0tấn", "80%"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_figure_has_its_unit_and_a_share_its_percent_sign_as_the_language_writes_them(language):
    figure, share = FIGURES[language]
    template = Template("{% load formatting %}{{ value|in_unit:unit }} · {{ share|percent }}")
    with translation.override(language):
        assert formatting.figure(Decimal("1250.5"), "number", "tấn") == figure
        assert formatting.figure(None, "count", "tấn") == ""
        assert (
            template.render(Context({"value": Decimal("1250.5"), "unit": "tấn", "share": 80})) == f"{figure} · {share}"
        )
