"""Exports of a workshop (submissions, ideas, votes) and of a call (proposals and scores) to XLSX and CSV.

What stakeholders and SMEs typed is written as text, never as a formula (`ccrs.spreadsheets`).
"""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from ccrs import spreadsheets

from . import selectors
from .models import Score, Submission, Vote


def workshop_sheets(*, workshop, language: str) -> dict[str, list[list]]:
    """{sheet name: rows}, the first row the header, question texts in `language`."""
    with translation.override(language):
        questions = list(workshop.questions.all())
        header = [_("Submission"), _("Stakeholder"), _("Organisation"), _("Language"), _("Last changed")]
        header += [q.text_in(language) for q in questions]
        rows = [header]
        for s in (
            Submission.objects.filter(workshop=workshop)
            .select_related("invitation__stakeholder")
            .order_by("pk")
            .iterator(chunk_size=2000)
        ):
            person = s.invitation.stakeholder
            hidden = workshop.anonymous_input
            rows.append(
                [
                    s.pk,
                    "" if hidden else person.name,
                    "" if hidden else person.organisation,
                    s.language,
                    s.updated_at.isoformat(),
                ]
                + [selectors.answer_text(q, s.answers.get(str(q.pk)), language) for q in questions]
            )
        ideas = [[_("Idea"), _("Cluster"), _("Tags"), _("Votes"), _("Mean rating"), _("Ratings")]]
        for idea in selectors.idea_list(workshop=workshop):
            ideas.append(
                [
                    idea.title,
                    idea.cluster,
                    ", ".join(idea.tags),
                    idea.vote_count,
                    round(idea.rating_mean, 2) if idea.rating_mean else "",
                    idea.rating_count,
                ]
            )
        votes = [[_("Idea"), _("Invitation")]]
        votes += [
            [v.idea.title, v.invitation_id]
            for v in Vote.objects.filter(idea__workshop=workshop).select_related("idea").order_by("pk")
        ]
        return {_("Submissions"): rows, _("Ideas"): ideas, _("Votes"): votes}


def call_sheets(*, call, language: str) -> dict[str, list[list]]:
    with translation.override(language):
        data = selectors.call_detail(call=call)
        proposals = [
            [_("Proposal"), _("SME"), _("Employees"), _("Amount asked"), _("Status"), _("Panel score"), _("Spread")]
        ]
        ranked = {a.item.pk: a for a in data["evaluation"]["ranked"]}
        for p in data["proposals"]:
            a = ranked.get(p.pk)
            proposals.append(
                [
                    p.title,
                    p.stakeholder.name,
                    p.employees,
                    spreadsheets.Amount(p.amount, call.currency) if p.amount is not None else "",
                    p.get_status_display(),
                    round(a.mean, 2) if a and a.mean is not None else "",
                    round(a.spread, 2) if a and a.spread is not None else "",
                ]
            )
        scores = [[_("Proposal"), _("Criterion"), _("Weight"), _("Evaluator"), _("Score"), _("Comment")]]
        for s in (
            Score.objects.filter(proposal__call=call)
            .select_related("proposal", "criterion", "evaluator")
            .order_by("proposal_id", "criterion__name")
        ):
            scores.append(
                [s.proposal.title, s.criterion.name, s.criterion.weight, s.evaluator.email, s.value, s.comment]
            )
        return {_("Proposals"): proposals, _("Scores"): scores}


def to_xlsx(sheets: dict) -> bytes:
    book = Workbook(write_only=True)
    for name, rows in sheets.items():
        sheet = book.create_sheet(title=str(name)[:31])
        for row in rows:
            sheet.append(spreadsheets.xlsx_row(sheet, row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    spreadsheets.CsvWriter(out).writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
