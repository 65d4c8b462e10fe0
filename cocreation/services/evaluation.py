"""Writes of the panel evaluation: weighted criteria, conflict declarations and score sheets."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

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


def _criteria_still_editable(*, process: Process, call: Call | None) -> None:
    if Score.objects.filter(criterion__process=process, criterion__call=call).exists():
        raise ValidationError(_("Scoring has started: the criteria and their weights can no longer change."))


@transaction.atomic
def criterion_add(*, process: Process, name: str, weight, call: Call | None = None) -> Criterion:
    if call is not None and call.process_id != process.pk:
        raise ValidationError(_("The call belongs to another process."))
    _criteria_still_editable(process=process, call=call)
    criterion = Criterion(process=process, call=call, name=name.strip(), weight=weight)
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_update(*, criterion: Criterion, name: str, weight) -> Criterion:
    """Rename or reweigh a criterion, only before anyone has scored in its evaluation."""
    _criteria_still_editable(process=criterion.process, call=criterion.call)
    criterion.name, criterion.weight = name.strip(), weight
    criterion.full_clean()
    try:
        with transaction.atomic():
            criterion.save(update_fields=["name", "weight", "updated_at"])
    except IntegrityError:
        raise ValidationError(_("This evaluation already has a criterion with this name.")) from None
    return criterion


@transaction.atomic
def criterion_remove(*, criterion: Criterion) -> None:
    _criteria_still_editable(process=criterion.process, call=criterion.call)
    criterion.delete()


@transaction.atomic
def conflict_declare(
    *, process: Process, evaluator, has_conflict: bool, details: str = "", call: Call | None = None
) -> ConflictDeclaration:
    """An evaluator declares conflicts of interest; with a conflict, they may not score."""
    if has_conflict and not details.strip():
        raise ValidationError(_("Describe the conflict of interest: who, and how you are linked."))
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        process=process,
        call=call,
        evaluator=evaluator,
        defaults={"has_conflict": has_conflict, "details": details.strip()},
    )
    return declaration


@transaction.atomic
def _score_record(
    *,
    evaluator,
    criterion: Criterion,
    value,
    comment: str = "",
    idea: Idea | None = None,
    proposal: Proposal | None = None,
) -> Score:
    """Record one evaluator's own score; they must have declared no conflict of interest first."""
    if (idea is None) == (proposal is None):
        raise ValidationError(_("Score either an idea or a proposal."))
    call = proposal.call if proposal else None
    if criterion.call_id != (call.pk if call else None):
        raise ValidationError(_("This criterion is not one of this evaluation."))
    if idea is not None and (idea.workshop.process_id != criterion.process_id or idea.status != IdeaStatus.SHORTLISTED):
        raise ValidationError(_("Only shortlisted ideas of this process are scored."))
    declaration = ConflictDeclaration.objects.filter(
        process_id=criterion.process_id, call=call, evaluator=evaluator
    ).first()
    if declaration is None:
        raise ValidationError(_("Declare any conflict of interest before you score."))
    if declaration.has_conflict:
        raise ValidationError(_("You declared a conflict of interest, so you do not score in this evaluation."))
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Give a score from 0 to 10.")) from None
    if not 0 <= value <= 10:
        raise ValidationError(_("Give a score from 0 to 10."))
    score, _created = Score.objects.update_or_create(
        criterion=criterion,
        evaluator=evaluator,
        idea=idea,
        proposal=proposal,
        defaults={"value": round(value, 1), "comment": comment},
    )
    return score


def sheet_complete(*, evaluator, criteria, idea: Idea | None = None, proposal: Proposal | None = None) -> bool:
    """Whether the evaluator has scored the item on every criterion of its evaluation."""
    scored = Score.objects.filter(evaluator=evaluator, criterion__in=criteria, idea=idea, proposal=proposal)
    return bool(criteria) and scored.count() == len(criteria)


@transaction.atomic
def score_sheet_submit(
    *, evaluator, idea: Idea | None = None, proposal: Proposal | None = None, values: dict, comments: dict
) -> list[Score]:
    """An evaluator's score sheet for one item: every criterion scored at once, each with an optional comment.

    `values` and `comments` map criterion id → value / text. Refused whole when a score is missing
    or outside 0–10, when the evaluator declared a conflict, or when their sheet for this item is
    already submitted (they have seen the panel's results since, so their scores stay as given).
    """
    if (idea is None) == (proposal is None):
        raise ValidationError(_("Score either an idea or a proposal."))
    process = idea.workshop.process if idea else proposal.call.process
    call = proposal.call if proposal else None
    if call is not None and call.status == CallStatus.AWARDED:
        raise ValidationError(_("The call is awarded; its evaluation is over."))
    if proposal is not None and proposal.status != ProposalStatus.SUBMITTED:
        raise ValidationError(_("Only submitted proposals are scored."))
    criteria = list(Criterion.objects.filter(process=process, call=call).order_by("name"))
    if not criteria:
        raise ValidationError(_("This evaluation has no criteria yet."))
    if sheet_complete(evaluator=evaluator, criteria=criteria, idea=idea, proposal=proposal):
        raise ValidationError(_("You have already submitted your scores for this item; they cannot change."))
    errors = []
    for criterion in criteria:
        value = values.get(criterion.pk)
        try:
            number = float(value)
        except (TypeError, ValueError):
            errors.append(_("“%(criterion)s”: give a score from 0 to 10.") % {"criterion": criterion.name})
            continue
        if not 0 <= number <= 10:
            errors.append(
                _("“%(criterion)s”: %(value)s is outside the scale; give a score from 0 to 10.")
                % {"criterion": criterion.name, "value": value}
            )
    if errors:
        raise ValidationError(errors)
    return [
        _score_record(
            evaluator=evaluator,
            criterion=criterion,
            value=values[criterion.pk],
            comment=(comments.get(criterion.pk) or "").strip(),
            idea=idea,
            proposal=proposal,
        )
        for criterion in criteria
    ]
