"""Reads of the SME survey: each sector's figures."""

from django.db.models import Count, Q, Sum

from ..models import Assessment, CandidateSector, ClosureRisk, DigitalAdoption, SurveyMetric, SurveyResponse


def survey_summary(*, assessment: Assessment) -> list[dict]:
    """Each sector's survey figures (one aggregate query), with the number of responses."""
    sectors = list(CandidateSector.objects.filter(assessment=assessment).order_by("local_name"))
    figures = {
        row["sector_id"]: row
        for row in SurveyResponse.objects.filter(assessment=assessment)
        .values("sector_id")
        .annotate(
            responses=Count("pk"),
            revenue_sum=Sum("revenue_change"),
            before=Sum("employees_before"),
            now=Sum("employees_now"),
            high_risk=Count("pk", filter=Q(closure_risk=ClosureRisk.HIGH)),
            finance=Count("pk", filter=Q(finance_access=True)),
            digital=Count("pk", filter=~Q(digital_adoption=DigitalAdoption.NONE)),
            climate=Count("pk", filter=Q(climate_exposed=True)),
            women=Count("pk", filter=Q(women_owned=True)),
        )
    }
    rows = []
    for sector in sectors:
        f = figures.get(sector.pk)
        n = f["responses"] if f else 0
        metrics = {}
        if n:
            metrics = {
                SurveyMetric.REVENUE_CHANGE: f["revenue_sum"] / n,
                SurveyMetric.JOBS_CHANGE: (100.0 * (f["now"] - f["before"]) / f["before"]) if f["before"] else None,
                SurveyMetric.CLOSURE_RISK: 100.0 * f["high_risk"] / n,
                SurveyMetric.FINANCE_ACCESS: 100.0 * f["finance"] / n,
                SurveyMetric.DIGITAL: 100.0 * f["digital"] / n,
                SurveyMetric.CLIMATE_EXPOSURE: 100.0 * f["climate"] / n,
                SurveyMetric.WOMEN_OWNED: 100.0 * f["women"] / n,
            }
        rows.append(
            {
                "sector": sector,
                "responses": n,
                "metrics": metrics,
                "figures": [(label, metrics.get(value)) for value, label in SurveyMetric.choices],
            }
        )
    return rows
