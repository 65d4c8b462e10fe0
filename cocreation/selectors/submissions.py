"""Reads of stakeholders' input to a workshop, answers shown as text."""

from ccrs.inputs import page_of

from ..models import (
    Question,
    StakeholderInvitation,
    Submission,
    Workshop,
)
from .common import PAGE_SIZE


def submission_list(*, workshop: Workshop, page: int | str = 1, language: str | None = None) -> dict:
    """One page of a workshop's input, answers shown as text in `language`; names hidden if anonymous."""
    questions = list(workshop.questions.all())
    qs = Submission.objects.filter(workshop=workshop).select_related("invitation__stakeholder")
    shown = page_of(qs.order_by("-updated_at", "pk"), number=page, per_page=PAGE_SIZE)
    rows = shown.pop("rows")
    for row in rows:
        row.answer_pairs = [
            (q.text_in(language), text)
            for q in questions
            if (text := answer_text(q, row.answers.get(str(q.pk)), language))
        ]
    return {
        "questions": questions,
        "submissions": rows,
        **shown,
        "anonymous": workshop.anonymous_input,
    }


def answer_text(question: Question, value, language=None) -> str:
    """An answer as readable text: choice labels in `language`, rankings as 1. … 2. …"""
    if value in (None, "", []):
        return ""
    choices = question.choices_in(language)
    kind = question.kind
    try:
        if kind == "single_choice":
            return choices[int(value)]
        if kind == "multiple_choice":
            return "; ".join(choices[int(v)] for v in value)
        if kind == "ranking":
            return "; ".join(f"{n}. {choices[int(v)]}" for n, v in enumerate(value, start=1))
        if kind == "rating":
            return f"{value}/{question.scale_max}"
    except (IndexError, TypeError, ValueError):
        return str(value)
    return str(value)


def submission_for_invitation(*, invitation: StakeholderInvitation) -> dict:
    """The public input form's data: the workshop's questions and the stakeholder's earlier input, if any."""
    return {
        "questions": list(invitation.workshop.questions.all()),
        "existing": Submission.objects.filter(invitation=invitation).first(),
    }


def submission_in_workshop(*, workshop: Workshop, pk: int | None) -> Submission | None:
    return Submission.objects.filter(workshop=workshop, pk=pk).first() if pk else None


def submission_text(*, workshop: Workshop, submission: Submission, language=None) -> str:
    """A submission's answers as text, one per line (the start of an idea drawn from it)."""
    questions = list(workshop.questions.all())
    texts = [answer_text(q, submission.answers.get(str(q.pk)), language) for q in questions]
    return "\n".join(t for t in texts if t)
