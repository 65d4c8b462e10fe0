"""Reads of the city applications: who may see which, the list with scores, a review, the pipeline."""

from collections import defaultdict

from django.db.models import Count, Prefetch, Q, QuerySet

from ccrs.rules import is_program_staff

from ..models import (
    Application,
    ApplicationStatus,
    City,
    Cohort,
    Review,
    SelectionCriterion,
)
from ..scoring import ReviewerScores, application_score, rank
from ..stages import Stage
from .stage import _checklist_counts, _checklist_facts, city_stages


def applications_visible_to(*, user) -> QuerySet[Application]:
    """Every application for staff; an applicant's own; nothing for anyone else."""
    if is_program_staff(user):
        return Application.objects.all()
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(applicant=user)


def application_get(*, user, pk: int) -> Application | None:
    return (
        applications_visible_to(user=user)
        .select_related("cohort", "applicant", "city", "decided_by")
        .filter(pk=pk)
        .first()
    )


def _scored(applications: list[Application], criteria: list[SelectionCriterion]) -> None:
    """Attach score, reviewer count and rank within the cohort to each application (no queries)."""
    weights_by_cohort = defaultdict(dict)
    for criterion in criteria:
        weights_by_cohort[criterion.cohort_id][criterion.pk] = criterion.weight
    for application in applications:
        reviews = [
            ReviewerScores({s.criterion_id: s.value for s in review.scores.all()}, review.conflict_of_interest)
            for review in application.reviews.all()
        ]
        application.score, application.scored_by = application_score(reviews, weights_by_cohort[application.cohort_id])
        application.review_count = len(reviews)
    by_cohort = defaultdict(dict)
    for application in applications:
        if application.status != ApplicationStatus.DRAFT:
            by_cohort[application.cohort_id][application.pk] = application.score
    ranks = {pk: r for scores in by_cohort.values() for pk, r in rank(scores).items()}
    for application in applications:
        application.rank = ranks.get(application.pk)


def _with_reviews(queryset):
    return queryset.prefetch_related(
        Prefetch("reviews", queryset=Review.objects.select_related("reviewer").prefetch_related("scores"))
    )


def application_list(*, user, cohort_id: int | None = None, status: str = "") -> dict:
    """Staff: a cohort's applications ranked by score. Applicants: their own applications only."""
    staff = is_program_staff(user)
    cohorts = list(Cohort.objects.order_by("-start_year", "name")) if staff else []
    cohort = next((c for c in cohorts if c.pk == cohort_id), cohorts[0] if cohorts else None)
    queryset = applications_visible_to(user=user).select_related("cohort", "applicant")
    if staff:
        queryset = _with_reviews(queryset.filter(cohort=cohort))
        if status in ApplicationStatus.values:
            queryset = queryset.filter(status=status)
    applications = list(queryset.order_by("city_name"))
    if staff:
        _scored(applications, list(SelectionCriterion.objects.filter(cohort=cohort)))
        applications.sort(key=lambda a: (a.rank is None, a.rank or 0, a.city_name))
    counts = {}
    if staff and cohort is not None:
        counts = dict(
            Application.objects.filter(cohort=cohort).values_list("status").annotate(n=Count("pk")).order_by()
        )
    return {
        "applications": applications,
        "cohorts": cohorts,
        "cohort": cohort,
        "status": status,
        "status_counts": [(value, label, counts.get(value, 0)) for value, label in ApplicationStatus.choices],
        "selected_count": City.objects.filter(cohort=cohort).count() if cohort else 0,
    }


def application_review(*, application: Application, reviewer) -> dict:
    """The review page: criteria, every reviewer's scores and comments, the aggregate and this reviewer's review."""
    criteria = list(SelectionCriterion.objects.filter(cohort_id=application.cohort_id))
    reviews = list(
        Review.objects.filter(application=application)
        .select_related("reviewer")
        .prefetch_related("scores")
        .order_by("created_at")
    )
    application_list_item = application
    application_list_item._prefetched_objects_cache = {"reviews": reviews}
    _scored([application_list_item], criteria)
    for review in reviews:
        by_criterion = {s.criterion_id: s.value for s in review.scores.all()}
        review.score_row = [by_criterion.get(c.pk) for c in criteria]
    mine = next((r for r in reviews if r.reviewer_id == reviewer.pk), None)
    return {"criteria": criteria, "reviews": reviews, "mine": mine}


def application_pipeline(*, user) -> dict | None:
    """Program dashboard: the newest cohort's applications by status and the program's cities by stage."""
    if not is_program_staff(user):
        return None
    status_counts = {
        status: Count("applications", filter=Q(applications__status=status)) for status in ApplicationStatus.values
    }
    cohort = Cohort.objects.annotate(**status_counts).order_by("-start_year", "name").first()
    by_status = {status: getattr(cohort, status) for status in ApplicationStatus.values} if cohort else {}
    rows = _checklist_counts(City.objects.filter(cohort__isnull=False), prefix="onboarding_steps__")
    own = _checklist_facts(rows.values_list("pk", "total", "done", "last"))
    stages = city_stages(city_ids=list(own), own_facts=own)
    stage_counts = defaultdict(int)
    for stage in stages.values():
        stage_counts[stage] += 1
    return {
        "cohort": cohort,
        "applications": [(label, by_status.get(value, 0)) for value, label in ApplicationStatus.choices],
        "stages": [(stage.label, stage_counts.get(stage, 0)) for stage in Stage],
    }


def applications_of_applicant(*, user) -> list[Application]:
    if not user.is_authenticated:
        return []
    return list(Application.objects.filter(applicant=user).select_related("cohort").order_by("-created_at"))
