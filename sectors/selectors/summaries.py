"""Summaries across assessments: staff's overview of every city, the city panel and the program panel."""

from collections import defaultdict

import numpy as np
from django.db.models import Count, OuterRef, Q, Subquery

from ccrs.rules import is_program_staff
from cities.models import City

from .. import scoring
from ..models import Assessment, CandidateSector, Criterion, Selection, SelectionStatus
from .ranking import ranking_inputs


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


def panel_summary(*, city: City) -> dict:
    """The city dashboard's panel: status, counts and the open selection, in one query."""
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
