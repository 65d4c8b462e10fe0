"""The ranking math against published worked examples, and its invariants (no database)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sectors import scoring

# Hwang, C.-L. & Yoon, K. (1981), Multiple Attribute Decision Making: Methods and Applications,
# Springer, the fighter aircraft example (reproduced in Yoon & Hwang 1995, Sage): four aircraft on
# max speed, ferry range, max payload, acquisition cost (a cost), reliability, manoeuvrability.
AIRCRAFT = [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
]
AIRCRAFT_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
AIRCRAFT_BENEFIT = [True, True, True, False, True, True]


def test_topsis_reproduces_hwang_and_yoon_1981():
    """Relative closeness 0.643, 0.268, 0.613, 0.312: A1 > A3 > A4 > A2, as published."""
    result = scoring.topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_BENEFIT)
    assert np.allclose(result.scores, [0.643, 0.268, 0.613, 0.312], atol=1e-3)
    assert result.ranks.tolist() == [1, 4, 2, 3]


def test_ahp_reproduces_the_textbook_three_criteria_example():
    """Saaty's eigenvector method (Saaty 1980, The Analytic Hierarchy Process, McGraw-Hill) on the
    3×3 judgement matrix [[1,3,5],[1/3,1,3],[1/5,1/3,1]] reproduced in many AHP textbooks and
    course notes: weights 0.637, 0.258, 0.105, λmax 3.039, CI 0.019, CR 0.033 (RI 0.58)."""
    result = scoring.ahp_weights([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
    assert np.allclose(result.weights, [0.637, 0.258, 0.105], atol=1e-3)
    assert result.lambda_max == pytest.approx(3.039, abs=1e-3)
    assert result.consistency_index == pytest.approx(0.019, abs=1e-3)
    assert result.consistency_ratio == pytest.approx(0.033, abs=1e-3)


def test_saaty_random_index_table():
    """Saaty (1980) random indices for n = 3..10."""
    assert [scoring.RANDOM_INDEX[n] for n in range(3, 11)] == [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]


def test_consistent_matrix_gives_exact_weights_and_zero_ratio():
    w = np.array([0.5, 0.3, 0.2])
    result = scoring.ahp_weights(w[:, None] / w[None, :])
    assert np.allclose(result.weights, w)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)


def test_inconsistent_matrix_is_refused_with_its_ratio():
    """A beats B, B beats C, yet C beats A strongly: CR far above 0.10 is refused."""
    with pytest.raises(scoring.InconsistentJudgements, match="consistency ratio") as caught:
        scoring.ahp_weights([[1, 5, 1 / 5], [1 / 5, 1, 5], [5, 1 / 5, 1]])
    assert caught.value.result.consistency_ratio >= 0.10


def test_non_reciprocal_matrix_names_the_pair():
    with pytest.raises(scoring.ScoringError, match="“a” with “b”"):
        scoring.ahp_weights([[1, 3], [3, 1]], labels=["a", "b"])


def test_weighted_sum_minmax_and_direction():
    """Best on every criterion scores 1, worst 0; lower-is-better columns are flipped."""
    result = scoring.weighted_sum([[10, 1], [0, 5], [5, 3]], [1, 1], [True, False])
    assert result.scores.tolist() == [1.0, 0.0, 0.5]
    assert np.allclose(result.contributions.sum(axis=1), result.scores)


def test_missing_value_names_the_cell():
    with pytest.raises(scoring.ScoringError, match="“jobs” for “batik”"):
        scoring.weighted_sum([[1, np.nan]], [1, 1], [True, True], sectors=["batik"], criteria=["firms", "jobs"])


def test_weights_that_sum_to_zero_are_refused():
    with pytest.raises(scoring.ScoringError, match="add up to zero"):
        scoring.topsis([[1, 2], [3, 4]], [0, 0], [True, True])


def test_sensitivity_is_seedable_and_certain_for_a_dominant_sector():
    matrix = [[9, 9, 9], [1, 2, 3], [3, 2, 1]]
    one = scoring.sensitivity(matrix, [1, 1, 1], [True] * 3, samples=500, seed=7)
    two = scoring.sensitivity(matrix, [1, 1, 1], [True] * 3, samples=500, seed=7)
    assert one.p_first.tolist() == two.p_first.tolist()
    assert one.p_first[0] == 1.0 and one.rank_min[0] == one.rank_max[0] == 1
    assert one.p_first.sum() == pytest.approx(1.0)


matrices = st.integers(2, 8).flatmap(
    lambda n: st.integers(2, 6).flatmap(
        lambda m: st.tuples(
            arrays(float, (n, m), elements=st.floats(0.1, 1000, allow_nan=False)),
            arrays(float, (m,), elements=st.floats(0.05, 10)),
            arrays(bool, (m,)),
            st.permutations(list(range(m))),
        )
    )
)


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_criteria_order_does_not_change_the_ranking(case):
    matrix, weights, benefit, order = case
    for method in (scoring.weighted_sum, scoring.topsis):
        a = method(matrix, weights, benefit)
        b = method(matrix[:, order], weights[order], benefit[order])
        assert np.allclose(a.scores, b.scores)
        assert np.allclose(a.contributions[:, order], b.contributions)


@settings(max_examples=60, deadline=None)
@given(matrices, st.floats(0.001, 1000))
def test_unit_scaling_does_not_change_normalised_scores(case, factor):
    """Counting jobs in thousands or in units gives the same normalised values and scores."""
    matrix, weights, benefit, _order = case
    scaled = matrix.copy()
    scaled[:, 0] *= factor
    assert np.allclose(scoring.normalise_minmax(matrix, benefit), scoring.normalise_minmax(scaled, benefit))
    assert np.allclose(scoring.normalise_vector(matrix), scoring.normalise_vector(scaled))
    assert np.allclose(scoring.topsis(matrix, weights, benefit).scores, scoring.topsis(scaled, weights, benefit).scores)


@settings(max_examples=60, deadline=None)
@given(matrices, st.floats(0.01, 100))
def test_weight_scale_does_not_matter_and_contributions_add_up(case, factor):
    matrix, weights, benefit, _order = case
    for method in (scoring.weighted_sum, scoring.topsis):
        a, b = method(matrix, weights, benefit), method(matrix, weights * factor, benefit)
        assert np.allclose(a.scores, b.scores)
        assert np.allclose(a.contributions.sum(axis=1), a.scores)
        assert np.all((a.scores >= -1e-12) & (a.scores <= 1 + 1e-12))


@settings(max_examples=30, deadline=None)
@given(matrices)
def test_sensitivity_probabilities_sum_to_one(case):
    matrix, weights, benefit, _order = case
    result = scoring.sensitivity(matrix, weights, benefit, method="topsis", samples=200, seed=1)
    assert result.p_first.sum() == pytest.approx(1.0)
    assert np.all(result.rank_min <= result.rank_max)
