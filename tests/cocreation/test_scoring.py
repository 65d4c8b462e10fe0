"""Pure scoring: weighted means, spread and ranking, without the database."""

import math

from hypothesis import given
from hypothesis import strategies as st

from cocreation import scoring


def test_weighted_score_worked_example():
    """Simple additive weighting (Fishburn 1967; the MAUT form used in EU procurement guidance):
    weights 0.5/0.3/0.2 and scores 8/6/10 give 0.5·8 + 0.3·6 + 0.2·10 = 7.8."""
    assert math.isclose(scoring.weighted_score({"a": 8, "b": 6, "c": 10}, {"a": 0.5, "b": 0.3, "c": 0.2}), 7.8)


def test_unscored_criterion_left_out():
    assert math.isclose(scoring.weighted_score({"a": 8, "b": None}, {"a": 1, "b": 3}), 8.0)
    assert scoring.weighted_score({}, {"a": 1}) is None


def test_mean_and_spread_population_sd():
    """2, 4, 4, 4, 5, 5, 7, 9: mean 5, population standard deviation 2 (the textbook example)."""
    mean, spread = scoring.mean_and_spread([2, 4, 4, 4, 5, 5, 7, 9])
    assert mean == 5 and spread == 2


def test_aggregate_ranks_and_shows_spread():
    weights = {"impact": 2, "cost": 1}
    sheets = {
        "idea A": {"e1": {"impact": 9, "cost": 6}, "e2": {"impact": 3, "cost": 6}},
        "idea B": {"e1": {"impact": 7, "cost": 7}, "e2": {"impact": 7, "cost": None}},
        "idea C": {},
    }
    ranked = scoring.aggregate(sheets, weights)
    assert [a.item for a in ranked] == ["idea B", "idea A", "idea C"]
    a = ranked[1]
    assert math.isclose(a.mean, 6.0) and math.isclose(a.spread, 2.0) and a.low == 4 and a.high == 8
    assert ranked[0].complete == 1 and ranked[2].mean is None


@given(
    st.dictionaries(st.sampled_from("abcde"), st.floats(0, 10), min_size=1),
    st.floats(0.1, 100),
)
def test_weighted_score_stays_within_scores(scores, weight):
    """A weighted mean lies between the lowest and highest score, whatever the weights."""
    weights = {k: weight * (i + 1) for i, k in enumerate(sorted(scores))}
    value = scoring.weighted_score(scores, weights)
    assert min(scores.values()) - 1e-9 <= value <= max(scores.values()) + 1e-9


@given(st.lists(st.floats(0, 10), min_size=1, max_size=20))
def test_spread_zero_iff_equal(values):
    mean, spread = scoring.mean_and_spread(values)
    assert spread >= 0
    if len(set(values)) == 1:
        assert math.isclose(spread, 0, abs_tol=1e-9)


def test_idea_rank_key_orders_votes_then_ratings():
    rows = [("x", 2, 4.0, 3), ("y", 5, 1.0, 1), ("z", 2, 4.5, 1)]
    rows.sort(key=lambda r: scoring.idea_rank_key(votes=r[1], rating_mean=r[2], ratings=r[3]))
    assert [r[0] for r in rows] == ["y", "z", "x"]
