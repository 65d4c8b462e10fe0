"""A cohort's export: applications with scores and decisions, reviews, cities and co-funding.

XLSX has one sheet per table (openpyxl in write-only mode, so memory stays flat); CSV puts the
tables one after another, each under a title row, so one file holds the whole cohort. Both write
typed text as text, never as a formula (`ccrs.spreadsheets`).
"""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from ccrs import spreadsheets

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def tables(data: dict) -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) of each table of the export."""
    criteria = data["criteria"]
    applications = [
        (
            _("Applications"),
            [
                _("City"),
                _("Country"),
                _("Status"),
                _("Rank"),
                _("Score"),
                _("Reviewers counted"),
                _("Chief Resilience Officer"),
                _("E-mail"),
                _("Shocks and stresses"),
                _("Candidate SME sectors"),
                _("Currency"),
                _("Co-funding in cash"),
                _("Co-funding in kind"),
                _("Submitted"),
                _("Decided"),
                _("Rationale"),
            ],
            [
                [
                    a.city_name,
                    str(a.country),
                    a.get_status_display(),
                    a.rank,
                    a.score,
                    a.scored_by,
                    a.cro_name,
                    a.cro_email,
                    ", ".join(a.shocks),
                    " / ".join(a.candidate_sectors.split("\n")).strip(),
                    a.currency,
                    spreadsheets.Amount(a.cofunding_cash, a.currency),
                    spreadsheets.Amount(a.cofunding_in_kind, a.currency),
                    a.submitted_at,
                    a.decided_at,
                    a.decision_rationale,
                ]
                for a in data["applications"]
            ],
        )
    ]
    reviews = (
        _("Reviews"),
        [_("City"), _("Reviewer"), _("Conflict of interest"), *[c.name for c in criteria], _("Comment")],
        [],
    )
    for application in data["applications"]:
        for review in application.reviews.all():
            by_criterion = {s.criterion_id: s.value for s in review.scores.all()}
            reviews[2].append(
                [
                    application.city_name,
                    str(review.reviewer),
                    review.conflict_note if review.conflict_of_interest else "",
                    *[by_criterion.get(c.pk) for c in criteria],
                    review.comment,
                ]
            )
    cities = (
        _("Cities"),
        [_("City"), _("Country"), _("Stage"), _("Population"), _("Onboarding steps done"), _("Currency")],
        [[c.name, str(c.country), c.stage.label, c.population, c.steps_done, c.currency] for c in data["cities"]],
    )
    cofunding = (
        _("Co-funding"),
        [_("City"), _("Date"), _("Kind"), _("Committed or received"), _("Amount"), _("Currency"), _("Description")],
        [
            [
                r.city.name,
                r.on,
                r.get_kind_display(),
                r.get_stage_display(),
                spreadsheets.Amount(r.amount, r.currency),
                r.currency,
                r.description,
            ]
            for r in data["cofunding"]
        ],
    )
    return [*applications, reviews, cities, cofunding]


def cohort_xlsx(data: dict) -> bytes:
    workbook = Workbook(write_only=True)
    for title, header, rows in tables(data):
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(spreadsheets.xlsx_row(sheet, header))
        for row in rows:
            sheet.append(spreadsheets.xlsx_row(sheet, row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cohort_csv(data: dict) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # a byte-order mark so that spreadsheet programs read UTF-8 (Thai, Vietnamese)
    writer = spreadsheets.CsvWriter(buffer)
    for index, (title, header, rows) in enumerate(tables(data)):
        if index:
            writer.writerow([])
        writer.writerow([f"# {title}"])
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
    return buffer.getvalue()
