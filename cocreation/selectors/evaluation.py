"""Reads of the panel evaluation: results, what an evaluator may see of them, and what is scored."""

from .. import scoring
from ..models import (
    Call,
    CallStatus,
    ConflictDeclaration,
    Criterion,
    Idea,
    IdeaStatus,
    Process,
    Proposal,
    ProposalStatus,
    Score,
)
from .common import visible_get


def evaluation(*, process: Process, call: Call | None = None) -> dict:
    """Scores of the shortlisted ideas (call None) or of the call's proposals: weighted mean and spread."""
    criteria = list(Criterion.objects.filter(process=process, call=call).order_by("name"))
    weights = {c.pk: c.weight for c in criteria}
    if call is None:
        items = list(
            Idea.objects.filter(workshop__process=process, status__in=[IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED])
        )
        scores = Score.objects.filter(criterion__in=criteria, idea__in=items)
        key = "idea_id"
    else:
        items = list(Proposal.objects.filter(call=call).select_related("stakeholder"))
        scores = Score.objects.filter(criterion__in=criteria, proposal__in=items)
        key = "proposal_id"
    by_pk = {i.pk: i for i in items}
    sheets = {i: {} for i in items}
    comments = {i.pk: [] for i in items}
    for score in scores.values("criterion_id", "evaluator_id", "value", "comment", key):
        item = by_pk[score[key]]
        sheets[item].setdefault(score["evaluator_id"], {})[score["criterion_id"]] = score["value"]
        if score["comment"]:
            comments[item.pk].append(score["comment"])
    ranked = scoring.aggregate(sheets, weights) if weights else []
    return {"criteria": criteria, "ranked": ranked, "comments": comments}


def criterion_get(*, user, pk: int) -> Criterion | None:
    return visible_get(Criterion, "process__city", user=user, pk=pk, related=("call",))


def _decided(*, process: Process, call: Call | None) -> bool:
    """An evaluation is over once its call is awarded, or (shortlist) once a solution was selected."""
    if call is not None:
        return call.status == CallStatus.AWARDED
    return Idea.objects.filter(workshop__process=process, status=IdeaStatus.SELECTED).exists()


def evaluation_seen_by(*, user, process: Process, call: Call | None = None, can_evaluate: bool) -> dict:
    """The panel's results as `user` may see them: an evaluator sees an item's results only after
    submitting their own full score sheet for it (independent scoring), or once the evaluation is over."""
    result = evaluation(process=process, call=call)
    criteria = result["criteria"]
    declaration = None
    mine: dict = {}
    if can_evaluate:
        declaration = ConflictDeclaration.objects.filter(process=process, call=call, evaluator=user).first()
        key = "proposal_id" if call is not None else "idea_id"
        for row in Score.objects.filter(criterion__in=criteria, evaluator=user).values(key, "criterion_id", "value"):
            mine.setdefault(row[key], {})[row["criterion_id"]] = row["value"]
    complete = {pk for pk, scores in mine.items() if criteria and len(scores) == len(criteria)}
    open_to_all = not can_evaluate or _decided(process=process, call=call)
    ranked = [a for a in result["ranked"] if open_to_all or a.item.pk in complete]
    comments = {pk: c for pk, c in result["comments"].items() if open_to_all or pk in complete}
    return {
        **result,
        "ranked": ranked,
        "comments": comments,
        "rows": [{"aggregate": a, "comments": comments.get(a.item.pk, [])} for a in ranked],
        "sealed": len(result["ranked"]) - len(ranked),
        "declaration": declaration,
        "my_scores": mine,
        "complete": complete,
        "scoring_started": Score.objects.filter(criterion__in=criteria).exists() if criteria else False,
    }


def evaluation_items(*, process: Process, call: Call | None = None) -> list:
    """What the panel scores: the process's shortlisted ideas, or the call's submitted proposals."""
    if call is None:
        return list(
            Idea.objects.filter(workshop__process=process, status__in=[IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED])
            .select_related("workshop")
            .order_by("title")
        )
    return list(
        Proposal.objects.filter(call=call)
        .exclude(status=ProposalStatus.INELIGIBLE)
        .select_related("stakeholder")
        .order_by("title")
    )
