"""Cells of the XLSX and CSV files the platform writes, which spreadsheet programs open as data, never as formulas.

Text that people typed (a workshop answer, a proposal's title) may begin like a formula:
`=HYPERLINK(...)`, `+1`, `@SUM(A1)`. In XLSX, text is always a text cell (openpyxl would store
text beginning with `=` as a formula); CSV has no types, so such text is written behind a `'`,
which spreadsheet programs take as "this is text" (OWASP's advice on CSV injection). Numbers
stay numbers: a negative number is no formula. In XLSX a number carries a number format with thousands
separators ("#,##0", "#,##0.00"), which the spreadsheet program shows with its reader's marks
(1.000.000.000 in Vietnamese, 1,000,000,000 in Thai); an `Amount` is a number too, its format carrying its
currency's symbol where the reader's language writes it ('#,##0 "₫"' in Vietnamese, '"฿"#,##0.00' in Thai).
"""

import csv
import math
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES

from . import formatting

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_TYPES = (bool, int, float, Decimal)


class Amount(NamedTuple):
    """An amount of money with its ISO 4217 currency, for a spreadsheet: a number with a money format in XLSX."""

    value: Decimal | int | float | None
    currency: str


def money_format(currency: str) -> str:
    """The XLSX number format of an amount in `currency` as the active language writes it: the currency's decimals
    and its symbol before or after the digits ('#,##0 "₫"' in Vietnamese, '"Rp"#,##0' in Indonesian)."""
    reader = formatting.locale()
    digits = formatting.currency_digits(currency)
    number = "#,##0" + ("." + "0" * digits if digits else "")
    symbol = reader.currency_symbols.get(currency, currency)
    pattern = reader.currency_formats["standard"].pattern.split(";")[0]
    before = pattern.index("¤") < pattern.index("#" if "#" in pattern else "0")
    space = "\u00a0" if symbol == currency or any(c in pattern for c in " \u00a0") else ""
    quoted = '"' + symbol.replace('"', "") + '"'
    return f"{quoted}{space}{number}" if before else f"{number}{space}{quoted}"


def xlsx_value(value):
    """The value as openpyxl can write it: numbers and dates as they are (local time, no zone), anything else text."""
    if value is None or isinstance(value, (*NUMBER_TYPES, str)):
        return value
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if hasattr(value, "isoformat"):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def number_format(value) -> str | None:
    """The XLSX number format of a number: thousands grouped, two decimals unless whole; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if isinstance(value, int) or (math.isfinite(value) and value == int(value)):
        return "#,##0"
    return "#,##0.00"


def xlsx_cell(sheet, value, *, font=None, numbers=True):
    """A cell of `sheet` holding `value`, text always as text (even `=1+2` or `#N/A`), a number grouped, an
    `Amount` a number in its currency's format."""
    amount = value if isinstance(value, Amount) else None
    cell = WriteOnlyCell(sheet, value=amount.value if amount else xlsx_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"
    elif numbers and amount and cell.value is not None:
        cell.number_format = money_format(amount.currency)
    elif numbers and (fmt := number_format(cell.value)):
        cell.number_format = fmt
    if font is not None:
        cell.font = font
    return cell


def xlsx_row(sheet, values, *, font=None, numbers=True) -> list:
    """A row for `sheet.append()` (write-only or not): a text cell wherever openpyxl would not store text as text,
    and a number with its thousands-separated format (unless `numbers` is false, for raw data dumps).

    Other values stay plain, which openpyxl writes fastest; with `font`, every value becomes a cell in it.
    """
    row = []
    for value in values:
        value = value if isinstance(value, Amount) else xlsx_value(value)
        if (
            font is not None
            or isinstance(value, Amount)
            or (isinstance(value, str) and (value.startswith("=") or value in ERROR_CODES))
            or (numbers and number_format(value))
        ):
            row.append(xlsx_cell(sheet, value, font=font, numbers=numbers))
        else:
            row.append(value)
    return row


def csv_value(value):
    """The value as a CSV field: numbers as they are, None empty, text that could start a formula behind a `'`."""
    if isinstance(value, Amount):
        value = value.value
    if value is None:
        return ""
    if isinstance(value, NUMBER_TYPES):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(field: str) -> str:
    """The text of a CSV field that `csv_value` wrote: without the `'` it put in front of a formula's start."""
    return field[1:] if field.startswith("'") and field[1:].startswith(FORMULA_STARTS) else field


class CsvWriter:
    """`csv.writer` whose every field goes through `csv_value`."""

    def __init__(self, out, dialect="excel", **options):
        self._writer = csv.writer(out, dialect, **options)

    def writerow(self, row):
        return self._writer.writerow([csv_value(v) for v in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)
