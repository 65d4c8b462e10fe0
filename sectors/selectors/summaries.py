"""Summaries across assessments: staff's overview of every city, the city panel and the program panel."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from ccrs.rules import is_program_staff
from cities.models import City

from ..models import Assessment, CandidateSector, Selection, SelectionStatus, SurveyResponse

OVERVIEW_PAGE_SIZE = 50


def _count(model):
    """The number of `model` rows of each assessment, as a subquery (two joined counts would multiply rows)."""
    rows = model.objects.filter(assessment=OuterRef("pk")).order_by().values("assessment").annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n")[:1], output_field=IntegerField()), 0)


def _overview_assessments(*, cohort_id: int | None):
    assessments = Assessment.objects.all()
    if cohort_id is not None:
        assessments = assessments.filter(city__cohort_id=cohort_id)
    return (
        assessments.select_related("city", "leader")
        .annotate(sector_count=_count(CandidateSector), response_count=_count(SurveyResponse))
        .order_by("city__name", "pk")
    )


def _overview_rows(assessments: list[Assessment], among=None) -> list[dict]:
    """Each assessment with its leading sector and open selection (`among`: a subquery of their ids, so the query
    runs even when there are none, a fixed budget)."""
    ids = [a.pk for a in assessments] if among is None else among
    selections = {
        s.assessment_id: s
        for s in Selection.objects.filter(assessment_id__in=ids, status__in=["proposed", "approved"]).select_related(
            "sector"
        )
    }
    rows = []
    for assessment in assessments:
        leader = None
        if assessment.leader_id is not None:
            leader = {
                "sector": assessment.leader,
                "score": assessment.leader_score,
                "p_first": assessment.leader_p_first,
            }
        rows.append({"assessment": assessment, "leader": leader, "selection": selections.get(assessment.pk)})
    return rows


def overview(*, user, cohort_id: int | None = None) -> list[dict]:
    """Staff's side-by-side view: every city's assessment (of one cohort, if given) with its leading sector, as
    stored when its inputs last changed (services.assessment_rank), and its selection; two queries."""
    if not is_program_staff(user):
        return []
    assessments = _overview_assessments(cohort_id=cohort_id)
    return _overview_rows(list(assessments), among=assessments.values("pk"))


def overview_page(*, user, number=1, cohort_id: int | None = None, per_page: int = OVERVIEW_PAGE_SIZE) -> Page:
    """One page of the overview (any page number makes sense: Paginator.get_page); three queries."""
    assessments = _overview_assessments(cohort_id=cohort_id) if is_program_staff(user) else Assessment.objects.none()
    page = Paginator(assessments, per_page).get_page(number)
    page.object_list = _overview_rows(list(page.object_list))
    return page


def panel_summary(*, city: City) -> dict:
    """The city dashboard's panel: status, counts and the open selection, in one query (the counts as
    subqueries: a join of the sectors with the survey's responses grows as their product)."""
    open_selection = Selection.objects.filter(assessment=OuterRef("pk"), status__in=["proposed", "approved"])
    assessment = (
        Assessment.objects.filter(city=city)
        .annotate(
            sector_count=_count(CandidateSector),
            response_count=_count(SurveyResponse),
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
