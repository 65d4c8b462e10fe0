"""Panel scoring and idea ranking as pure functions over plain values (no ORM).

A panel scores each item (a shortlisted idea or an SME proposal) on weighted criteria, 0 to 10.
Each evaluator's weighted score is the weighted arithmetic mean of their criterion scores
(simple additive weighting, the usual multi-criteria rule in public procurement evaluation);
an item's panel score is the mean over evaluators, with the spread (population standard
deviation, minimum and maximum) shown so that strong disagreement is visible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Aggregate:
    item: object
    mean: float | None
    spread: float | None  # population standard deviation of the evaluators' weighted scores
    low: float | None
    high: float | None
    evaluators: int
    complete: int  # evaluators who scored every criterion


def weighted_score(scores: dict, weights: dict) -> float | None:
    """Σ wᵢ·sᵢ / Σ wᵢ over the criteria scored; None when nothing is scored.

    `scores` and `weights` map criterion → number. A criterion without a score is left out of
    both sums, so a partly scored sheet is not pulled towards zero.
    """
    total_weight = 0.0
    total = 0.0
    for criterion, value in scores.items():
        if value is None or criterion not in weights:
            continue
        weight = float(weights[criterion])
        if weight <= 0:
            raise ValueError("criterion weights must be positive")
        total += weight * float(value)
        total_weight += weight
    if total_weight == 0:
        return None
    return total / total_weight


def mean_and_spread(values: list[float]) -> tuple[float | None, float | None]:
    """Arithmetic mean and population standard deviation; (None, None) for no values."""
    values = [float(v) for v in values if v is not None]
    if not values:
        return None, None
    mean = math.fsum(values) / len(values)
    variance = math.fsum((v - mean) ** 2 for v in values) / len(values)
    return mean, math.sqrt(variance)


def aggregate(sheets: dict, weights: dict) -> list[Aggregate]:
    """Rank items by their panel score.

    `sheets` maps item → {evaluator → {criterion → score}}. Items with no score come last;
    ties keep the order given.
    """
    results = []
    for item, by_evaluator in sheets.items():
        per_evaluator = []
        complete = 0
        for scores in by_evaluator.values():
            value = weighted_score(scores, weights)
            if value is not None:
                per_evaluator.append(value)
            if all(scores.get(c) is not None for c in weights):
                complete += 1
        mean, spread = mean_and_spread(per_evaluator)
        results.append(
            Aggregate(
                item=item,
                mean=mean,
                spread=spread,
                low=min(per_evaluator) if per_evaluator else None,
                high=max(per_evaluator) if per_evaluator else None,
                evaluators=len(per_evaluator),
                complete=complete,
            )
        )
    return sorted(results, key=lambda a: (a.mean is None, -(a.mean or 0)))


def idea_rank_key(*, votes: int, rating_mean: float | None, ratings: int) -> tuple:
    """Order ideas by votes, then by mean rating, then by how many rated (most first)."""
    return (-votes, -(rating_mean or 0.0), -ratings)


def to_decimal(value: float | None, places: int = 2) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(round(value, places)))
