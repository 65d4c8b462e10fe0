"""Aggregation of reviewers' rubric scores into a ranking of applications (pure, no ORM).

Each reviewer's score of an application is the weighted mean of their criterion scores (0–5);
the application's score is the mean over reviewers without a conflict of interest who scored
every criterion. Ranks use standard competition ranking ("1224"): ties share a rank.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MAX_SCORE = 5
PLACES = Decimal("0.01")


@dataclass(frozen=True)
class ReviewerScores:
    """One reviewer's scores of one application: {criterion id: score}; conflicted reviewers are left out."""

    scores: dict
    conflict_of_interest: bool = False


def weighted_mean(scores: dict, weights: dict) -> Decimal | None:
    """Σ wᵢ·sᵢ / Σ wᵢ over every criterion of the rubric; None if a criterion is unscored or there are none."""
    if not weights or any(criterion not in scores for criterion in weights):
        return None
    total_weight = sum(Decimal(w) for w in weights.values())
    if total_weight <= 0:
        return None
    total = sum(Decimal(weights[c]) * Decimal(scores[c]) for c in weights)
    return total / total_weight


def application_score(reviews: list[ReviewerScores], weights: dict) -> tuple[Decimal | None, int]:
    """(mean of the complete, conflict-free reviewers' weighted means rounded to 0.01, how many counted)."""
    means = [
        mean
        for review in reviews
        if not review.conflict_of_interest and (mean := weighted_mean(review.scores, weights)) is not None
    ]
    if not means:
        return None, 0
    return (sum(means) / len(means)).quantize(PLACES, rounding=ROUND_HALF_UP), len(means)


def rank(scores: dict) -> dict:
    """{key: rank} by descending score with competition ranking; unscored keys get no rank (None)."""
    scored = sorted(((s, k) for k, s in scores.items() if s is not None), key=lambda pair: -pair[0])
    ranks = {k: None for k, s in scores.items() if s is None}
    previous, previous_rank = None, 0
    for position, (score, key) in enumerate(scored, start=1):
        if score != previous:
            previous, previous_rank = score, position
        ranks[key] = previous_rank
    return ranks
