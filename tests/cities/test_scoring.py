"""Rubric aggregation: weighted means per reviewer, conflicts left out, competition ranking."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cities.scoring import ReviewerScores, application_score, rank, weighted_mean

WEIGHTS = {"commitment": Decimal(2), "challenge": Decimal(1), "cofunding": Decimal(1)}


def test_weighted_mean_worked_example():
    """(2·4 + 1·3 + 1·5) / 4 = 4.0"""
    assert weighted_mean({"commitment": 4, "challenge": 3, "cofunding": 5}, WEIGHTS) == Decimal(4)


def test_incomplete_review_does_not_count():
    assert weighted_mean({"commitment": 4}, WEIGHTS) is None


def test_conflicted_reviewer_is_left_out():
    reviews = [
        ReviewerScores({"commitment": 4, "challenge": 3, "cofunding": 5}),
        ReviewerScores({"commitment": 5, "challenge": 5, "cofunding": 5}, conflict_of_interest=True),
        ReviewerScores({"commitment": 2, "challenge": 2, "cofunding": 2}),
    ]
    assert application_score(reviews, WEIGHTS) == (Decimal("3.00"), 2)


def test_no_review_no_score():
    assert application_score([], WEIGHTS) == (None, 0)


def test_competition_ranking_shares_ties():
    """Standard competition ranking ("1224"), as in sports tables; unscored entries get no rank."""
    assert rank({"a": Decimal("4.5"), "b": Decimal("3"), "c": Decimal("4.5"), "d": Decimal("2"), "e": None}) == {
        "a": 1,
        "c": 1,
        "b": 3,
        "d": 4,
        "e": None,
    }


scores = st.dictionaries(st.sampled_from(list(WEIGHTS)), st.integers(0, 5), min_size=3, max_size=3)


@given(st.lists(scores, min_size=1, max_size=6))
@settings(suppress_health_check=[HealthCheck.too_slow])  # a busy 2-core machine draws slowly
def test_score_stays_within_the_scale(reviews):
    score, counted = application_score([ReviewerScores(r) for r in reviews], WEIGHTS)
    assert counted == len(reviews)
    assert Decimal(0) <= score <= Decimal(5)


@given(st.dictionaries(st.integers(0, 50), st.one_of(st.none(), st.integers(0, 5)), max_size=20))
def test_rank_is_ordered_by_score(values):
    ranks = rank(values)
    scored = [k for k, v in values.items() if v is not None]
    for a in scored:
        for b in scored:
            if values[a] > values[b]:
                assert ranks[a] < ranks[b]
            if values[a] == values[b]:
                assert ranks[a] == ranks[b]
