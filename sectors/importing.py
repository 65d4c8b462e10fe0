"""Reading and writing the indicator value sheet (CSV or XLSX): one row per sector and criterion.

Pure parsing: it returns rows and a row-by-row error list; the service decides to save or not.
"""

import contextlib
import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ccrs.inputs import fit_decimal
from ccrs.spreadsheets import CsvWriter, csv_text, xlsx_row

COLUMNS = ["sector", "criterion", "value", "source", "confidence"]
CONFIDENCE = {"low", "medium", "high"}
MAX_ROWS = 5000


@dataclass
class Row:
    number: int
    sector: str
    criterion: str
    value: Decimal
    source: str
    confidence: str


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The cells of the first sheet of an XLSX file, or of a CSV file (UTF-8, comma or semicolon)."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds of errors on a damaged file
            raise ValueError(
                _("The file could not be read as an Excel workbook (.xlsx). Save it again and retry.")
            ) from None
        return [
            ["" if cell is None else str(cell).strip() for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    if not filename.lower().endswith(".csv"):
        raise ValueError(_("Upload a .csv or .xlsx file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(_("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and retry.")) from None
    dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    return [[csv_text(cell.strip()) for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def parse(
    table: list[list[str]], *, sectors: set[str], criteria: set[str], max_digits: int, decimal_places: int
) -> tuple[list[Row], list[str]]:
    """Rows of the sheet and the errors found, each naming the row and the column to fix; a value
    must fit a numeric column of `max_digits` and `decimal_places` (and is rounded to those places)."""
    if not table:
        return [], [_("The file is empty. Download the template and fill it in.")]
    header = [cell.strip().lower() for cell in table[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        return [], [
            _("The first row must name the columns %(columns)s; missing: %(missing)s.")
            % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)}
        ]
    if len(table) - 1 > MAX_ROWS:
        return [], [_("The file has more than %(max)s rows. Split it.") % {"max": MAX_ROWS}]
    index = {column: header.index(column) for column in COLUMNS}
    sectors_ci = {name.casefold(): name for name in sectors}
    criteria_ci = {name.casefold(): name for name in criteria}
    rows, errors, seen = [], [], {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        cell = {column: (cells[i] if i < len(cells) else "").strip() for column, i in index.items()}
        sector = sectors_ci.get(cell["sector"].casefold())
        criterion = criteria_ci.get(cell["criterion"].casefold())
        row_errors = []
        if sector is None:
            row_errors.append(
                _("Row %(row)s, column sector: “%(value)s” is not a candidate sector of this assessment.")
                % {"row": number, "value": cell["sector"]}
            )
        if criterion is None:
            row_errors.append(
                _("Row %(row)s, column criterion: “%(value)s” is not a criterion of the framework.")
                % {"row": number, "value": cell["criterion"]}
            )
        value = None
        if not cell["value"]:
            row_errors.append(_("Row %(row)s, column value: the value is missing.") % {"row": number})
        else:
            try:
                value = Decimal(_number_text(cell["value"]))
                if not value.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                row_errors.append(
                    _("Row %(row)s, column value: “%(value)s” is not a number.")
                    % {"row": number, "value": cell["value"]}
                )
            else:
                value = fit_decimal(value, max_digits=max_digits, decimal_places=decimal_places)
                if value is None:
                    row_errors.append(
                        _(
                            "Row %(row)s, column value: “%(value)s” is too large; "
                            "use at most %(digits)s digits before the decimal point."
                        )
                        % {"row": number, "value": cell["value"], "digits": max_digits - decimal_places}
                    )
        confidence = (cell["confidence"] or "medium").lower()
        if confidence not in CONFIDENCE:
            row_errors.append(
                _("Row %(row)s, column confidence: use low, medium or high, not “%(value)s”.")
                % {"row": number, "value": cell["confidence"]}
            )
        if len(cell["source"]) > 250:
            row_errors.append(_("Row %(row)s, column source: keep it under 250 characters.") % {"row": number})
        if sector and criterion:
            key = (sector, criterion)
            if key in seen:
                row_errors.append(
                    _("Row %(row)s repeats the value of row %(first)s for the same sector and criterion.")
                    % {"row": number, "first": seen[key]}
                )
            seen.setdefault(key, number)
        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(Row(number, sector, criterion, value, cell["source"], confidence))
    if not rows and not errors:
        errors.append(_("The file has no values. Fill in at least one row under the header."))
    return rows, errors


def _number_text(text: str) -> str:
    """1,234.5 and 1234,5 both read as numbers; spaces as thousands separators are dropped."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if "," in text and "." in text:
        return text.replace(",", "")
    return text.replace(",", ".")


def template_rows(pairs) -> list[list]:
    """The header and one row per (sector, criterion, value, source, confidence); values stay numbers."""
    return [COLUMNS, *[["" if v is None else v if isinstance(v, Decimal) else str(v) for v in row] for row in pairs]]


def to_csv(rows) -> bytes:
    """Text that could start a formula goes behind a `'`, which `read_table` takes off again."""
    out = io.StringIO()
    CsvWriter(out).writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows) -> bytes:
    """Every cell text, values with every digit the database holds (a number cell would come back as a float)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "values"
    for row in rows:
        sheet.append(xlsx_row(sheet, [str(v) if isinstance(v, Decimal) else v for v in row]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
