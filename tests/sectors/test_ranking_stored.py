"""The stored ranking: every change to a ranking input ranks the assessment again, and pages across cities read
the stored leader instead of ranking every city on every view."""

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse

from sectors import scoring, selectors, services
from sectors.models import Assessment, Direction
from tests.querybudget import TEST_DENSITY


def stored(assessment):
    return Assessment.objects.select_related("leader").get(pk=assessment.pk)


def pure_leader(sectors, criteria, *, method="weighted_sum", weights=None, samples=2000):
    """The leader as sectors.scoring computes it from the values read back one by one."""
    matrix = np.array([[float(sector.values.get(criterion=c).value) for c in criteria] for sector in sectors])
    weights = np.array([float(c.weight) for c in criteria]) if weights is None else np.asarray(weights)
    benefit = np.array([c.direction == Direction.HIGHER for c in criteria])
    result = scoring.METHODS[method](matrix, weights, benefit)
    stability = scoring.sensitivity(matrix, weights, benefit, method=method, samples=samples, seed=0)
    best = int(np.argmax(result.scores))
    return sectors[best], float(result.scores[best]), float(stability.p_first[best])


def test_the_stored_ranking_equals_the_pure_scoring_modules(assessment_a, sectors_a, criteria_a):
    """Leader, score and P(first) stored on the assessment are those of scoring's weighted sum and sensitivity."""
    sector, score, p_first = pure_leader(sectors_a, criteria_a)
    row = stored(assessment_a)
    assert row.leader == sector == sectors_a[0]
    assert row.leader_score == pytest.approx(score)
    assert row.leader_p_first == pytest.approx(p_first)
    assert row.ranked_at is not None
    page = selectors.ranking(assessment=row)["rows"][0]
    assert (page["sector"], page["score"], page["p_first"]) == (row.leader, row.leader_score, row.leader_p_first)


def test_changing_the_method_ranks_again_with_topsis(assessment_a, sectors_a, criteria_a):
    services.assessment_update(assessment=assessment_a, method="topsis")
    sector, score, p_first = pure_leader(sectors_a, criteria_a, method="topsis")
    row = stored(assessment_a)
    assert (row.leader, row.leader_score, row.leader_p_first) == (sector, pytest.approx(score), pytest.approx(p_first))


def test_changing_a_value_ranks_again(assessment_a, sectors_a, criteria_a):
    """Tourism overtakes waste collection once its values become the best on every criterion."""
    waste, tourism = sectors_a
    before = stored(assessment_a)
    assert before.leader == waste
    for criterion in criteria_a:
        best = 1000 if criterion.direction == Direction.HIGHER else -1000
        services.value_set(sector=tourism, criterion=criterion, value=best)
    after = stored(assessment_a)
    assert after.leader == tourism and after.ranked_at > before.ranked_at
    sector, score, p_first = pure_leader(sectors_a, criteria_a)
    assert (after.leader, after.leader_score, after.leader_p_first) == (
        sector,
        pytest.approx(score),
        pytest.approx(p_first),
    )


def test_values_set_together_and_imported_rank_again(assessment_a, sectors_a, criteria_a):
    waste, tourism = sectors_a
    services.sector_values_set(
        sector=tourism,
        entries=[{"criterion": c, "value": 1000 if c.direction == Direction.HIGHER else -1000} for c in criteria_a],
    )
    assert stored(assessment_a).leader == tourism
    rows = ["sector,criterion,value,source,confidence"] + [
        f"{waste.local_name},{c.name},{2000 if c.direction == Direction.HIGHER else -2000},test,high"
        for c in criteria_a
    ]
    services.values_import(assessment=assessment_a, data="\n".join(rows).encode(), filename="values.csv")
    assert stored(assessment_a).leader == waste


def test_ahp_weights_rank_again(assessment_a, sectors_a, criteria_a):
    """With AHP weights favouring the one criterion where tourism leads (revenue change, three times any other),
    the stored score is the one under the AHP weights."""
    strength = {c.pk: 3 if c.direction == Direction.LOWER else 1 for c in criteria_a}
    judgements = {
        f"{a.pk}:{b.pk}": strength[a.pk] / strength[b.pk] for i, a in enumerate(criteria_a) for b in criteria_a[i + 1 :]
    }
    services.ahp_save(assessment=assessment_a, judgements=judgements)
    services.assessment_update(assessment=assessment_a, use_ahp_weights=True)
    row = stored(assessment_a)
    weights = [row.ahp_weights["weights"][str(c.pk)] for c in criteria_a]
    sector, score, p_first = pure_leader(sectors_a, criteria_a, weights=weights)
    assert (row.leader, row.leader_score) == (sector, pytest.approx(score))
    assert row.leader_score == pytest.approx(9 / 12, abs=1e-5)  # waste loses only revenue change, weighing 3 of 12
    assert row.leader_score != pytest.approx(pure_leader(sectors_a, criteria_a)[1])


def test_a_sector_without_values_leaves_no_leader_until_filled(assessment_a, sectors_a, criteria_a):
    third = services.sector_add(assessment=assessment_a, isic_code="10", local_name="Chế biến nông sản")
    assert stored(assessment_a).leader is None
    services.sector_remove(sector=third)
    assert stored(assessment_a).leader == sectors_a[0]


def test_the_overview_shows_the_stored_figures(staff, assessment_a, sectors_a, client_for):
    """The page shows what is stored (a figure written straight to the row appears), not a ranking made per view."""
    Assessment.objects.filter(pk=assessment_a.pk).update(leader_score=0.4321, leader_p_first=0.87)
    page = client_for(staff).get(reverse("sectors:overview")).content.decode()
    assert sectors_a[0].local_name in page
    assert "(0.43)" in page and "87%" in page
    (row,) = selectors.overview(user=staff)
    assert row["leader"] == {"sector": sectors_a[0], "score": 0.4321, "p_first": 0.87}


def test_the_overview_pages_through_the_cities(staff, member_a, assessment_a, sectors_a, city_b, client_for):
    services.assessment_start(city=city_b)
    first = selectors.overview_page(user=staff, number=1, per_page=1)
    second = selectors.overview_page(user=staff, number="2", per_page=1)
    assert first.paginator.count == 2 and first.has_next()
    assert [r["assessment"].city.name for r in [*first.object_list, *second.object_list]] == sorted(
        [assessment_a.city.name, city_b.name]
    )
    assert selectors.overview_page(user=staff, number="x", per_page=1).number == 1
    assert selectors.overview_page(user=member_a, number=1).paginator.count == 0


def test_the_rank_command_ranks_what_was_never_ranked(assessment_a, sectors_a):
    Assessment.objects.filter(pk=assessment_a.pk).update(leader=None, leader_score=None, ranked_at=None)
    call_command("sectors_rank", "--unranked", verbosity=0)
    row = stored(assessment_a)
    assert row.leader == sectors_a[0] and row.ranked_at is not None


def test_scale_data_is_ranked(db):
    call_command("seed_scale", factor=1, density=TEST_DENSITY, verbosity=0)
    assert Assessment.objects.exists()
    assert not Assessment.objects.filter(ranked_at__isnull=True).exists()
    assert Assessment.objects.filter(leader__isnull=False).count() == Assessment.objects.count()
