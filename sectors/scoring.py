"""Multi-criteria ranking of candidate sectors: pure functions over numpy arrays (no ORM).

A decision matrix has one row per sector and one column per criterion; `benefit[j]` is True when
more is better for criterion j. Every method returns the scores and each criterion's additive
contribution to each score, so a ranking can explain itself.
"""

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

# Saaty's random consistency index for matrices of order 1..10 (Saaty 1980, table 1.7).
RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}
CONSISTENCY_LIMIT = 0.10


class ScoringError(ValueError):
    """Input the methods cannot score; the message names what to fix."""


@dataclass
class Result:
    scores: np.ndarray  # (sectors,)
    contributions: np.ndarray  # (sectors, criteria); each row sums to the sector's score
    ranks: np.ndarray  # (sectors,), 1 is best


@dataclass
class AhpResult:
    weights: np.ndarray
    lambda_max: float
    consistency_index: float
    consistency_ratio: float


@dataclass
class Sensitivity:
    p_first: np.ndarray  # probability that each sector ranks first
    rank_min: np.ndarray
    rank_max: np.ndarray
    samples: int


def check_inputs(matrix, weights, benefit, *, sectors=None, criteria=None):
    """Validated float arrays; a missing or non-finite value is reported by sector and criterion."""
    matrix = np.asarray(matrix, dtype=float)
    weights = np.asarray(weights, dtype=float)
    benefit = np.asarray(benefit, dtype=bool)
    if matrix.ndim != 2 or matrix.shape[0] < 1 or matrix.shape[1] < 1:
        raise ScoringError(_("Add at least one candidate sector and one criterion."))
    if weights.shape != (matrix.shape[1],) or benefit.shape != (matrix.shape[1],):
        raise ScoringError(_("Give one weight and one direction per criterion."))
    bad = np.argwhere(~np.isfinite(matrix))
    if len(bad):
        i, j = bad[0]
        raise ScoringError(
            _("The value of “%(criterion)s” for “%(sector)s” is missing. Enter it, or remove the criterion.")
            % {
                "criterion": criteria[j] if criteria else j + 1,
                "sector": sectors[i] if sectors else i + 1,
            }
        )
    if not np.all(np.isfinite(weights)) or np.any(weights < 0):
        raise ScoringError(_("Weights must be numbers of zero or more."))
    if weights.sum() <= 0:
        raise ScoringError(_("The weights add up to zero. Give at least one criterion a positive weight."))
    return matrix, weights / weights.sum(), benefit


def rank_of(scores: np.ndarray, axis: int = 0) -> np.ndarray:
    """Rank 1 for the highest score (ties broken by position)."""
    order = np.argsort(-scores, axis=axis, kind="stable")
    return np.argsort(order, axis=axis, kind="stable") + 1


def normalise_minmax(matrix, benefit) -> np.ndarray:
    """(x - min) / (max - min), flipped for lower-is-better; a constant column scores 1 everywhere."""
    matrix = np.asarray(matrix, dtype=float)
    low, high = matrix.min(axis=0), matrix.max(axis=0)
    span = high - low
    safe = np.where(span > 0, span, 1.0)
    scaled = np.where(benefit, (matrix - low) / safe, (high - matrix) / safe)
    return np.where(span > 0, scaled, 1.0)


def normalise_vector(matrix) -> np.ndarray:
    """x / sqrt(sum x²) per criterion, as TOPSIS does (Hwang & Yoon 1981)."""
    matrix = np.asarray(matrix, dtype=float)
    norms = np.sqrt((matrix**2).sum(axis=0))
    return matrix / np.where(norms > 0, norms, 1.0)


def weighted_sum(matrix, weights, benefit, **names) -> Result:
    """Score = Σ w_j · r_ij on min–max normalised values; contribution_ij = w_j · r_ij."""
    matrix, weights, benefit = check_inputs(matrix, weights, benefit, **names)
    contributions = normalise_minmax(matrix, benefit) * weights
    scores = contributions.sum(axis=1)
    return Result(scores=scores, contributions=contributions, ranks=rank_of(scores))


def _topsis_parts(normalised, benefit):
    ideal = np.where(benefit, normalised.max(axis=0), normalised.min(axis=0))
    anti = np.where(benefit, normalised.min(axis=0), normalised.max(axis=0))
    return (normalised - ideal) ** 2, (normalised - anti) ** 2


def topsis(matrix, weights, benefit, **names) -> Result:
    """Relative closeness to the ideal solution, C = D⁻ / (D⁺ + D⁻) (Hwang & Yoon 1981).

    Contributions split each score by the criteria's shares of the squared distance from the
    anti-ideal solution: the criteria that carry a sector away from the worst carry its score.
    """
    matrix, weights, benefit = check_inputs(matrix, weights, benefit, **names)
    to_ideal, to_anti = _topsis_parts(normalise_vector(matrix), benefit)
    w2 = weights**2
    d_plus = np.sqrt(to_ideal @ w2)
    d_minus = np.sqrt(to_anti @ w2)
    total = d_plus + d_minus
    scores = np.where(total > 0, d_minus / np.where(total > 0, total, 1.0), 0.0)
    parts = to_anti * w2
    sums = parts.sum(axis=1, keepdims=True)
    contributions = np.where(sums > 0, parts / np.where(sums > 0, sums, 1.0), 0.0) * scores[:, None]
    return Result(scores=scores, contributions=contributions, ranks=rank_of(scores))


def ahp_weights(pairwise, *, labels=None) -> AhpResult:
    """Weights from a reciprocal pairwise comparison matrix: its principal eigenvector (Saaty 1980).

    Refuses a consistency ratio CR = CI / RI of 0.10 or more, where CI = (λmax − n) / (n − 1).
    """
    a = np.asarray(pairwise, dtype=float)
    n = a.shape[0] if a.ndim == 2 else 0
    if a.ndim != 2 or a.shape != (n, n) or n < 1:
        raise ScoringError(_("The comparison matrix must be square, one row and one column per criterion."))
    if n > max(RANDOM_INDEX):
        raise ScoringError(_("Compare at most 10 criteria at a time; group the others under a principle."))
    if not np.all(np.isfinite(a)) or np.any(a <= 0):
        raise ScoringError(_("Every comparison must be a positive number, such as 1/9 to 9."))
    if not np.allclose(a * a.T, 1.0, rtol=1e-6):
        i, j = np.argwhere(~np.isclose(a * a.T, 1.0, rtol=1e-6))[0]
        raise ScoringError(
            _("The comparison of “%(a)s” with “%(b)s” must be the reciprocal of “%(b)s” with “%(a)s”.")
            % {"a": labels[i] if labels else i + 1, "b": labels[j] if labels else j + 1}
        )
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lambda_max = float(values[k].real)
    vector = np.abs(vectors[:, k].real)
    weights = vector / vector.sum()
    ci = (lambda_max - n) / (n - 1) if n > 2 else 0.0
    ri = RANDOM_INDEX[n]
    cr = ci / ri if ri else 0.0
    result = AhpResult(weights=weights, lambda_max=lambda_max, consistency_index=ci, consistency_ratio=cr)
    if cr >= CONSISTENCY_LIMIT:
        raise InconsistentJudgements(result)
    return result


class InconsistentJudgements(ScoringError):
    """The pairwise judgements contradict each other too much (CR ≥ 0.10)."""

    def __init__(self, result: AhpResult):
        self.result = result
        super().__init__(
            _(
                "The comparisons are inconsistent: the consistency ratio is %(cr).2f, and it must stay below "
                "0.10. Revisit the comparisons that contradict each other (if A beats B and B beats C, A "
                "should beat C by more)."
            )
            % {"cr": result.consistency_ratio}
        )


METHODS = {"weighted_sum": weighted_sum, "topsis": topsis}


def sample_weights(weights, *, samples: int, concentration: float = 50.0, seed: int | None = 0) -> np.ndarray:
    """Weight vectors drawn from a Dirichlet centred on `weights` (higher concentration: less spread)."""
    weights = np.asarray(weights, dtype=float)
    weights = weights / weights.sum()
    rng = np.random.default_rng(seed)
    alpha = np.maximum(weights * concentration * len(weights), 1e-3)
    return rng.dirichlet(alpha, size=samples)


def sample_scores(matrix, benefit, weight_samples, method: str) -> np.ndarray:
    """Scores of every sector under every sampled weight vector, (sectors, samples), vectorised."""
    if method == "weighted_sum":
        return normalise_minmax(matrix, benefit) @ weight_samples.T
    if method == "topsis":
        to_ideal, to_anti = _topsis_parts(normalise_vector(matrix), benefit)
        w2 = (weight_samples**2).T
        d_plus = np.sqrt(to_ideal @ w2)
        d_minus = np.sqrt(to_anti @ w2)
        total = d_plus + d_minus
        return np.where(total > 0, d_minus / np.where(total > 0, total, 1.0), 0.0)
    raise ScoringError(_("Unknown ranking method “%(method)s”.") % {"method": method})


def sensitivity(
    matrix, weights, benefit, *, method="weighted_sum", samples=1000, concentration=50.0, seed=0, **names
) -> Sensitivity:
    """How stable the ranking is when the weights move: P(rank 1) and the rank range of each sector."""
    matrix, weights, benefit = check_inputs(matrix, weights, benefit, **names)
    if samples < 1:
        raise ScoringError(_("Use at least one sample."))
    drawn = sample_weights(weights, samples=samples, concentration=concentration, seed=seed)
    scores = sample_scores(matrix, benefit, drawn, method)
    ranks = rank_of(scores, axis=0)
    return Sensitivity(
        p_first=(ranks == 1).mean(axis=1),
        rank_min=ranks.min(axis=1),
        rank_max=ranks.max(axis=1),
        samples=samples,
    )


@dataclass
class Leader:
    index: int  # the row of the sector ranked first
    score: float
    p_first: float  # how often it stays first when the weights move


def leader(matrix, weights, benefit, *, method="weighted_sum", samples=1000, seed=0, **names) -> Leader:
    """The sector ranked first by `method`, its score, and its probability of staying first (`sensitivity`)."""
    if method not in METHODS:
        raise ScoringError(_("Unknown ranking method “%(method)s”.") % {"method": method})
    result = METHODS[method](matrix, weights, benefit, **names)
    stability = sensitivity(matrix, weights, benefit, method=method, samples=samples, seed=seed, **names)
    best = int(np.argmin(result.ranks))
    return Leader(index=best, score=float(result.scores[best]), p_first=float(stability.p_first[best]))
