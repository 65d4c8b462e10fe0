"""Reads of the sector assessment. Every read takes the user (or an object already checked)."""

from collections import defaultdict

import numpy as np
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from ccrs.charts import bar_chart
from ccrs.rules import is_program_staff
from cities.models import City
from cities.selectors import cities_visible_to

from . import economics, scoring
from .models import (
    Assessment,
    Baseline,
    CandidateSector,
    ClosureRisk,
    Criterion,
    DigitalAdoption,
    IndicatorValue,
    IsicCode,
    Principle,
    Selection,
    SelectionStatus,
    SurveyMetric,
    SurveyResponse,
)


def city_for(*, user, slug: str) -> City | None:
    """The city if the user may see it, with its assessment (or None) attached."""
    return cities_visible_to(user=user).select_related("cohort", "sector_assessment").filter(slug=slug).first()


def assessment_get(*, user, slug: str) -> Assessment | None:
    """The assessment of the city with this slug, with its city, if the user may see the city, else None."""
    return (
        Assessment.objects.filter(city__in=cities_visible_to(user=user), city__slug=slug)
        .select_related("city__cohort")
        .first()
    )


def assessment_of(city: City) -> Assessment | None:
    try:
        return city.sector_assessment
    except Assessment.DoesNotExist:
        return None


def criteria_of(*, cohort_id) -> list[Criterion]:
    return list(Criterion.objects.filter(cohort_id=cohort_id).order_by("order", "pk"))


def criteria_by_principle(criteria) -> list[dict]:
    groups = defaultdict(list)
    for criterion in criteria:
        groups[criterion.principle].append(criterion)
    return [{"principle": label, "criteria": groups[value]} for value, label in Principle.choices if groups.get(value)]


def isic_choices() -> list[tuple[str, str]]:
    return [(code.code, str(code)) for code in IsicCode.objects.order_by("code")]


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
    size = {"width": 420, "label_width": 140}  # readable on a 360-px phone, scaled up on wider screens
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
            categories=labels, series=[(_("Score"), [round(r["score"], 4) for r in rows])], title=_("Scores"), **size
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
            **size,
        ),
    }


def sector_economics(*, assessment: Assessment, sectors) -> list[dict]:
    """Location quotient, shift-share and SME shares of each sector, with inputs or the reason missing."""
    rows = []
    for sector in sectors:
        row = {"sector": sector, "lq": None, "lq_error": "", "shift": None, "shift_error": ""}
        if sector.city_employment is not None and assessment.city_employment and sector.national_employment is not None:
            try:
                row["lq"] = economics.location_quotient(
                    city_sector=sector.city_employment,
                    city_total=assessment.city_employment,
                    national_sector=sector.national_employment,
                    national_total=assessment.national_employment,
                )
            except scoring.ScoringError as error:
                row["lq_error"] = str(error)
        else:
            row["lq_error"] = _("Enter the sector's city and national employment and the city and national totals.")
        needed = [
            sector.city_employment_base,
            sector.city_employment,
            sector.national_employment_base,
            sector.national_employment,
            assessment.national_employment_base,
            assessment.national_employment,
        ]
        if all(v is not None for v in needed):
            try:
                row["shift"] = economics.shift_share(
                    city_sector_start=sector.city_employment_base,
                    city_sector_end=sector.city_employment,
                    national_sector_start=sector.national_employment_base,
                    national_sector_end=sector.national_employment,
                    national_total_start=assessment.national_employment_base,
                    national_total_end=assessment.national_employment,
                )
            except scoring.ScoringError as error:
                row["shift_error"] = str(error)
        else:
            row["shift_error"] = _("Give employment for two years to see the shift-share.")
        try:
            row["sme_firm_share"] = economics.share(sector.sme_firms, sector.firms)
            row["sme_job_share"] = economics.share(sector.sme_employment, sector.city_employment)
        except scoring.ScoringError:
            row["sme_firm_share"] = row["sme_job_share"] = None
        rows.append(row)
    return rows


def workspace(*, assessment: Assessment) -> dict:
    """The assessment workspace: sectors with their values by criterion, economics, survey, selection."""
    criteria = criteria_of(cohort_id=assessment.city.cohort_id)
    sectors = list(
        CandidateSector.objects.filter(assessment=assessment)
        .select_related("isic")
        .prefetch_related(Prefetch("values", queryset=IndicatorValue.objects.order_by("criterion_id")))
        .annotate(response_count=Count("survey_responses"))
        .order_by("local_name")
    )
    grid = []
    for sector in sectors:
        by_criterion = {v.criterion_id: v for v in sector.values.all()}
        grid.append({"sector": sector, "cells": [(c, by_criterion.get(c.pk)) for c in criteria]})
    missing = sum(1 for row in grid for _criterion, cell in row["cells"] if cell is None)
    selections = list(
        Selection.objects.filter(assessment=assessment).select_related("sector", "proposed_by", "decided_by")
    )
    open_selection = next((s for s in selections if s.status in {"proposed", "approved"}), None)
    return {
        "assessment": assessment,
        "criteria": criteria,
        "groups": criteria_by_principle(criteria),
        "grid": grid,
        "missing": missing,
        "economics": sector_economics(assessment=assessment, sectors=sectors),
        "selections": selections,
        "open_selection": open_selection,
        "history": list(assessment.history.select_related("history_user").order_by("-history_date")[:10]),
    }


def survey_summary(*, assessment: Assessment) -> list[dict]:
    """Each sector's survey figures (one aggregate query), with the number of responses."""
    sectors = list(CandidateSector.objects.filter(assessment=assessment).order_by("local_name"))
    figures = {
        row["sector_id"]: row
        for row in SurveyResponse.objects.filter(assessment=assessment)
        .values("sector_id")
        .annotate(
            responses=Count("pk"),
            revenue_sum=_sum("revenue_change"),
            before=_sum("employees_before"),
            now=_sum("employees_now"),
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


def _sum(field):
    from django.db.models import Sum

    return Sum(field)


def overview(*, user, cohort_id: int | None = None) -> list[dict]:
    """Staff's side-by-side view: every city's assessment (of one cohort, if given) with its leading sector and
    selection, in five queries however many cities."""
    if not is_program_staff(user):
        return []
    assessments = Assessment.objects.all()
    if cohort_id is not None:
        assessments = assessments.filter(city__cohort_id=cohort_id)
    assessments = list(
        assessments.select_related("city", "city__cohort")
        .annotate(
            sector_count=Count("sectors", distinct=True),
            response_count=Count("survey_responses", distinct=True),
        )
        .order_by("city__name")
    )
    ids = [a.pk for a in assessments]
    sectors = defaultdict(list)
    for sector in (
        CandidateSector.objects.filter(assessment_id__in=ids).prefetch_related("values").order_by("local_name")
    ):
        sectors[sector.assessment_id].append(sector)
    criteria_cache = defaultdict(list)
    cohort_ids = {a.city.cohort_id for a in assessments}
    for criterion in Criterion.objects.filter(cohort_id__in=cohort_ids).order_by("order", "pk"):
        criteria_cache[criterion.cohort_id].append(criterion)
    selections = {
        s.assessment_id: s
        for s in Selection.objects.filter(assessment_id__in=ids, status__in=["proposed", "approved"]).select_related(
            "sector"
        )
    }
    rows = []
    for assessment in assessments:
        cohort_id = assessment.city.cohort_id
        inputs = ranking_inputs(
            assessment=assessment, criteria=criteria_cache[cohort_id], sectors=sectors[assessment.pk]
        )
        leader = None
        if inputs["sectors"] and inputs["criteria"]:
            try:
                result = scoring.METHODS[assessment.method](inputs["matrix"], inputs["weights"], inputs["benefit"])
                best = int(np.argmin(result.ranks))
                leader = {"sector": inputs["sectors"][best], "score": float(result.scores[best])}
            except scoring.ScoringError:
                leader = None
        rows.append({"assessment": assessment, "leader": leader, "selection": selections.get(assessment.pk)})
    return rows


def selection_get(*, user, slug: str, selection_id: int) -> Selection | None:
    """A proposal of the assessment of the city with this slug, if the user may see the city, else None."""
    return (
        Selection.objects.filter(
            assessment__city__in=cities_visible_to(user=user), assessment__city__slug=slug, pk=selection_id
        )
        .select_related("sector", "assessment__city__cohort")
        .first()
    )


def sector_get(*, user, slug: str, sector_id: int) -> CandidateSector | None:
    """A candidate sector of the assessment of the city with this slug, if the user may see the city, else None."""
    return (
        CandidateSector.objects.filter(
            assessment__city__in=cities_visible_to(user=user), assessment__city__slug=slug, pk=sector_id
        )
        .select_related("assessment__city__cohort")
        .first()
    )


def sector_values(*, sector: CandidateSector) -> dict[int, IndicatorValue]:
    """{criterion id: value} of one sector, for its values form."""
    return {v.criterion_id: v for v in IndicatorValue.objects.filter(sector=sector)}


def sector_baselines(*, city: City) -> list[Baseline]:
    """The approved sector's indicator values, frozen at approval: where a pilot's indicators start.

    The pilots app reads this; an empty list means the city has no approved sector yet.
    """
    return list(
        Baseline.objects.filter(
            selection__assessment__city=city, selection__status=SelectionStatus.APPROVED
        ).select_related("selection__sector__isic", "selection__assessment", "criterion")
    )


def approved_sector(*, city: City) -> CandidateSector | None:
    selection = (
        Selection.objects.filter(assessment__city=city, status=SelectionStatus.APPROVED)
        .select_related("sector__isic")
        .first()
    )
    return selection.sector if selection else None


def panel_summary(*, city: City) -> dict:
    """The city dashboard's panel: status, counts and the open selection, in one query."""
    from django.db.models import OuterRef, Subquery

    open_selection = Selection.objects.filter(assessment=OuterRef("pk"), status__in=["proposed", "approved"])
    assessment = (
        Assessment.objects.filter(city=city)
        .annotate(
            sector_count=Count("sectors", distinct=True),
            response_count=Count("survey_responses", distinct=True),
            selection_name=Subquery(open_selection.values("sector__local_name")[:1]),
            selection_status=Subquery(open_selection.values("status")[:1]),
        )
        .first()
    )
    selection_label = ""
    if assessment is not None and assessment.selection_status:
        selection_label = SelectionStatus(assessment.selection_status).label
    return {"assessment": assessment, "selection_label": selection_label}


def program_summary() -> dict:
    """Counts for the program dashboard's panel, in one query."""

    return Assessment.objects.aggregate(
        total=Count("pk", distinct=True),
        submitted=Count("pk", distinct=True, filter=Q(status="submitted")),
        approved=Count("pk", distinct=True, filter=Q(status="approved")),
        selected=Count("pk", distinct=True, filter=Q(selections__status=SelectionStatus.APPROVED)),
    )


def template_pairs(*, assessment: Assessment) -> list[tuple]:
    """(sector, criterion, value, source, confidence) for every sector and criterion, for the sheet."""
    criteria = criteria_of(cohort_id=assessment.city.cohort_id)
    values = {(v.sector_id, v.criterion_id): v for v in IndicatorValue.objects.filter(sector__assessment=assessment)}
    rows = []
    for sector in CandidateSector.objects.filter(assessment=assessment).order_by("local_name"):
        for criterion in criteria:
            v = values.get((sector.pk, criterion.pk))
            rows.append(
                (
                    sector.local_name,
                    criterion.name,
                    v.value if v else "",
                    v.source if v else "",
                    v.confidence if v else "medium",
                )
            )
    return rows
