"""The ranking of an assessment's candidate sectors: its inputs, scores, sensitivity and charts."""

import numpy as np
from django.utils.translation import gettext as _

from ccrs.charts import bar_chart

from .. import scoring
from ..models import Assessment, CandidateSector, Principle
from .assessments import criteria_of


def ranking_inputs(*, assessment: Assessment, criteria=None, sectors=None) -> dict:
    """The decision matrix (NaN where a value is missing), the weights and the directions."""
    criteria = criteria if criteria is not None else criteria_of(cohort_id=assessment.city.cohort_id)
    if sectors is None:
        sectors = list(
            CandidateSector.objects.filter(assessment=assessment)
            .select_related("isic")
            .prefetch_related("values")
            .order_by("local_name")
        )
    position = {c.pk: j for j, c in enumerate(criteria)}
    matrix = np.full((len(sectors), len(criteria)), np.nan)
    for i, sector in enumerate(sectors):
        for value in sector.values.all():
            if value.criterion_id in position:
                matrix[i, position[value.criterion_id]] = float(value.value)
    ahp = (assessment.ahp_weights or {}).get("weights", {})
    if assessment.use_ahp_weights and ahp:
        weights = np.array([float(ahp.get(str(c.pk), 0.0)) for c in criteria])
    else:
        weights = np.array([float(c.weight) for c in criteria])
    benefit = np.array([c.higher_is_better for c in criteria], dtype=bool)
    return {"sectors": sectors, "criteria": criteria, "matrix": matrix, "weights": weights, "benefit": benefit}


def ranking(*, assessment: Assessment, method: str | None = None, samples: int | None = None, seed: int = 0) -> dict:
    """The ranking with each criterion's contribution, its sensitivity and the three charts.

    On incomplete data it returns {"error": message} naming the missing cell instead.
    """
    inputs = ranking_inputs(assessment=assessment)
    method = method if method in scoring.METHODS else assessment.method
    samples = samples or assessment.sensitivity_samples
    sectors, criteria = inputs["sectors"], inputs["criteria"]
    base = {"inputs": inputs, "method": method, "samples": samples}
    if len(sectors) < 1 or not criteria:
        return {**base, "error": _("Add candidate sectors and their values to see a ranking.")}
    names = {"sectors": [s.local_name for s in sectors], "criteria": [_(c.name) for c in criteria]}
    try:
        result = scoring.METHODS[method](inputs["matrix"], inputs["weights"], inputs["benefit"], **names)
        stability = scoring.sensitivity(
            inputs["matrix"], inputs["weights"], inputs["benefit"], method=method, samples=samples, seed=seed, **names
        )
    except scoring.ScoringError as error:
        return {**base, "error": str(error)}
    weights = inputs["weights"] / inputs["weights"].sum()
    order = np.argsort(result.ranks)
    rows = [
        {
            "sector": sectors[i],
            "rank": int(result.ranks[i]),
            "score": float(result.scores[i]),
            "contributions": [float(x) for x in result.contributions[i]],
            "p_first": float(stability.p_first[i]),
            "rank_min": int(stability.rank_min[i]),
            "rank_max": int(stability.rank_max[i]),
        }
        for i in order
    ]
    labels = [row["sector"].local_name for row in rows]
    principle_series = []
    for value, label in Principle.choices:
        columns = [j for j, c in enumerate(criteria) if c.principle == value]
        if columns:
            principle_series.append(
                (str(label), [round(sum(row["contributions"][j] for j in columns), 4) for row in rows])
            )
    return {
        **base,
        "rows": rows,
        "criteria": criteria,
        "weights": [float(w) for w in weights],
        "criteria_weights": list(zip(criteria, [float(w) for w in weights], strict=True)),
        "score_chart": bar_chart(
            categories=labels, series=[(_("Score"), [round(r["score"], 4) for r in rows])], title=_("Scores")
        ),
        "contribution_chart": bar_chart(
            categories=labels,
            series=principle_series,
            title=_("Contribution of each principle to the score"),
        ),
        "sensitivity_chart": bar_chart(
            categories=labels,
            series=[(_("Probability of ranking first"), [round(r["p_first"], 3) for r in rows])],
            title=_("How often each sector ranks first when the weights move"),
        ),
    }
