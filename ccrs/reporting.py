"""The registry of report kinds, and the two ways a report is drawn: PDF (WeasyPrint) and XLSX (openpyxl).

Each app may have a `reports` module that calls `register(ReportKind(...))` for the reports that
belong to it. A kind's builder reads through the app's selectors (never a second copy of a query)
and returns a `Built` file; `ccrs/services.py` stores it and records the request's state.

A report concerns at most one object, given by its id (`object_id`): a city, a workshop, a pilot;
program-wide reports have none. The kind says who may ask for it (and so download it) and which
city's data it shows.
"""

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone

from . import registry, spreadsheets


class ReportError(Exception):
    """A report that cannot be built, with a message that tells the person why (and what to do)."""


@dataclass
class Built:
    """A built report: its file name and contents (a Django File, closed by the caller)."""

    filename: str
    content: File


Progress = Callable[[int], None]


@dataclass(frozen=True)
class ReportKind:
    """One kind of report.

    - `can_request(user, object_id) -> bool`: may this person ask for (and download) it;
    - `city_of(object_id) -> int | None`: the city whose data it shows (None: program-wide);
    - `build(*, object_id, format, progress, user) -> Built`: draws it in the active language for the
      person who asked (`user`, whose selectors' view it takes).
    """

    name: str
    label: str
    formats: tuple[str, ...]
    can_request: Callable
    build: Callable
    city_of: Callable = field(default=lambda object_id: None)
    needs_object: bool = True


_registry: dict[str, ReportKind] = {}
_loaded = False


def register(kind: ReportKind) -> ReportKind:
    _registry[kind.name] = kind
    return kind


def _load() -> None:
    global _loaded
    if _loaded:
        return
    from . import reports  # noqa: F401 - importing a reports module registers its kinds

    registry.app_modules("reports")
    _loaded = True


def kinds() -> dict[str, ReportKind]:
    _load()
    return dict(_registry)


def kind_get(name: str) -> ReportKind | None:
    _load()
    return _registry.get(name)


# --- Drawing -----------------------------------------------------------------------------------------


def pdf(*, template: str, context: dict, filename: str) -> Built:
    """An HTML template with print CSS (templates/reports/) drawn as a PDF by WeasyPrint."""
    from weasyprint import HTML

    html = render_to_string(template, {"generated_at": timezone.now(), **context})
    data = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    return Built(filename=filename, content=ContentFile(data))


def xlsx(
    *,
    sheets: Iterable[tuple[str, Iterable[Iterable]]],
    filename: str,
    progress: Progress | None = None,
    number_formats: bool = True,
) -> Built:
    """Sheets of rows (the first row the header) in a write-only workbook, spooled to a temporary file.

    Numbers carry thousands-separated formats, unless `number_formats` is false (a raw dump of ids and codes).

    Rows are consumed as they come, so memory stays flat however many there are; text is written
    as text, never as a formula (see `spreadsheets`).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    sheets = list(sheets)
    book = Workbook(write_only=True)
    used = set()
    bold = Font(bold=True)
    for index, (title, rows) in enumerate(sheets):
        sheet = book.create_sheet(title=_sheet_title(str(title), used))
        for number, row in enumerate(rows):
            sheet.append(spreadsheets.xlsx_row(sheet, row, font=bold if number == 0 else None, numbers=number_formats))
        if progress:
            progress(round(90 * (index + 1) / len(sheets)))
    spool = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (closed by the caller, after storing)
    book.save(spool)
    spool.seek(0)
    return Built(filename=filename, content=File(spool, name=filename))


def _sheet_title(title: str, used: set) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\ and unique in the workbook."""
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in title)[:31] or "Sheet"
    candidate, number = clean, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = clean[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate
