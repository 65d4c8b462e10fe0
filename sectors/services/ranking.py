"""The stored ranking of an assessment: its leading sector, score and sensitivity, kept up to date by every
service that changes an input of the ranking (a value, a sector, a weight, the method)."""

from django.db import transaction
from django.utils import timezone

from .. import scoring
from ..models import Assessment

# The sensitivity samples are drawn with this seed, as the ranking page draws them, so both show the same figures.
RANK_SEED = 0


def ranking_leader(*, assessment: Assessment, inputs: dict) -> tuple:
    """(leading sector, its score, its probability of staying first), or (None, None, None) on incomplete data."""
    if not inputs["sectors"] or not inputs["criteria"]:
        return None, None, None
    try:
        found = scoring.leader(
            inputs["matrix"],
            inputs["weights"],
            inputs["benefit"],
            method=assessment.method,
            samples=assessment.sensitivity_samples,
            seed=RANK_SEED,
        )
    except scoring.ScoringError:
        return None, None, None
    return inputs["sectors"][found.index], found.score, found.p_first


@transaction.atomic
def assessment_rank(*, assessment: Assessment) -> Assessment:
    """Rank the assessment's sectors afresh and store the leader, its score and its sensitivity.

    The assessment's row is locked first, so two changes committed at once rank in turn and the last
    ranking stored sees both."""
    from ..selectors import ranking_inputs

    locked = Assessment.objects.select_for_update().select_related("city").get(pk=assessment.pk)
    leader, score, p_first = ranking_leader(assessment=locked, inputs=ranking_inputs(assessment=locked))
    fields = {"leader": leader, "leader_score": score, "leader_p_first": p_first, "ranked_at": timezone.now()}
    Assessment.objects.filter(pk=locked.pk).update(**fields)
    for name, value in fields.items():
        setattr(assessment, name, value)
    return assessment


def assessments_rank(*, assessments) -> int:
    """Rank each of several assessments (a cohort whose criteria changed, rows loaded in bulk); returns how many."""
    count = 0
    for assessment in assessments:
        assessment_rank(assessment=assessment)
        count += 1
    return count


def cohort_rank(*, cohort_id: int) -> int:
    """Rank every assessment of a cohort: its criteria, their weights or directions changed."""
    return assessments_rank(assessments=Assessment.objects.filter(city__cohort_id=cohort_id).order_by("pk"))
