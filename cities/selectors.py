"""Reads of the cities app. Every read takes the user and returns only what they may see."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ccrs import aggregates, formatting, panels
from ccrs.charts import range_strip
from ccrs.models import CityMembership, Invitation, InvitationStatus
from ccrs.rules import is_program_staff
from ccrs.selectors import memberships_of

from .models import (
    Application,
    ApplicationStatus,
    City,
    CoFundingRecord,
    Cohort,
    OnboardingStep,
    Review,
    SelectionCriterion,
)
from .scoring import ReviewerScores, application_score, rank
from .stages import CityStage, Stage, StageFacts, city_stage, funnel, stage_timeline


def cities_visible_to(*, user) -> QuerySet[City]:
    """Every city for staff; a team member's own cities; nothing for anyone else."""
    if is_program_staff(user):
        return City.objects.all()
    if not user.is_authenticated:
        return City.objects.none()
    return City.objects.filter(memberships__user=user)


def city_list(*, user, cohort_id: int | None = None) -> list[City]:
    """The cities the user may see (of one cohort, if given) with team size and program stage."""
    cities = cities_visible_to(user=user)
    if cohort_id is not None:
        cities = cities.filter(cohort_id=cohort_id)
    cities = list(
        cities.select_related("cohort").annotate(team_size=Count("memberships", distinct=True)).order_by("name")
    )
    stages = city_stages(city_ids=[c.pk for c in cities])
    for city in cities:
        city.stage = stages[city.pk]
    return cities


def city_get(*, user, slug: str) -> City | None:
    """The city with this slug if the user may see it, else None (the view answers 404)."""
    return cities_visible_to(user=user).select_related("cohort").filter(slug=slug).first()


def city_team(*, city: City) -> dict:
    """The team page and dashboard panel: members by role and pending invitations."""
    members = list(CityMembership.objects.filter(city=city).select_related("user").order_by("role", "user__full_name"))
    invitations = list(
        Invitation.objects.filter(city=city, status=InvitationStatus.PENDING)
        .select_related("invited_by")
        .order_by("-created_at")
    )
    return {"members": members, "invitations": invitations}


def city_dashboard(*, city: City) -> dict:
    team = city_team(city=city)
    counts = CityMembership.objects.filter(city=city).aggregate(
        leads=Count("pk", filter=Q(role="lead")),
        officers=Count("pk", filter=Q(role="officer")),
        viewers=Count("pk", filter=Q(role="viewer")),
    )
    return {**team, "counts": counts}


def invitation_get(*, user, slug: str, invitation_id: int) -> Invitation | None:
    """A pending or past invitation of the city with this slug, if the user may see the city, else None."""
    return (
        Invitation.objects.filter(city__in=cities_visible_to(user=user), city__slug=slug, pk=invitation_id)
        .select_related("city")
        .first()
    )


# --- Program stage -------------------------------------------------------------------------------


def _checklist_facts(rows) -> dict[int, dict]:
    """From (city id, steps, steps done, last completion) rows: the date the checklist was completed."""
    return {
        city_id: {"checklist_complete": timezone.localdate(last) if total and done == total and last else None}
        for city_id, total, done, last in rows
    }


def _checklist_counts(queryset, prefix=""):
    return queryset.annotate(
        total=Count(f"{prefix}pk"),
        done=Count(f"{prefix}pk", filter=Q(**{f"{prefix}completed_at__isnull": False})),
        last=Max(f"{prefix}completed_at"),
    )


def onboarding_facts(*, city_ids: list[int]) -> dict[int, dict]:
    """The cities app's own fact: the date every onboarding step was done (one query)."""
    rows = _checklist_counts(OnboardingStep.objects.filter(city_id__in=city_ids).values("city_id"))
    return _checklist_facts(rows.values_list("city_id", "total", "done", "last"))


def later_app_facts(*, city_ids: list[int]) -> dict[int, dict]:
    """The later apps' facts through their `panels.stage_facts` hooks, one query per app over city_ids.

    sectors → assessment_approved, cocreation → cocreation_started, pilots → pilot_active and
    pilot_closed, network → case_study_published; each value is the date the fact became true.
    """
    return panels.stage_facts(city_ids=city_ids)


def city_stage_details(*, city_ids: list[int], own_facts: dict | None = None) -> dict[int, CityStage]:
    """{city id: stage, the date it was reached and what moves it on} for many cities, one query per app."""
    facts = defaultdict(dict)
    own = onboarding_facts(city_ids=city_ids) if own_facts is None else own_facts
    for source in (own, later_app_facts(city_ids=city_ids)):
        for city_id, values in source.items():
            facts[city_id].update(values)
    return {city_id: city_stage(StageFacts.from_values(facts.get(city_id, {}))) for city_id in city_ids}


def city_stages(*, city_ids: list[int], own_facts: dict | None = None) -> dict[int, Stage]:
    """{city id: program stage} for many cities with a fixed number of queries."""
    return {
        city_id: detail.stage for city_id, detail in city_stage_details(city_ids=city_ids, own_facts=own_facts).items()
    }


# --- Onboarding, co-funding, profile ---------------------------------------------------------------


def city_onboarding(*, city: City) -> dict:
    """The checklist with owners and completers, progress in percent and overdue steps."""
    steps = list(OnboardingStep.objects.filter(city=city).select_related("owner", "completed_by"))
    done = sum(1 for s in steps if s.is_done)
    return {
        "steps": steps,
        "done": done,
        "total": len(steps),
        "percent": round(100 * done / len(steps)) if steps else 0,
        "open_steps": [s for s in steps if not s.is_done],
        "overdue": sum(1 for s in steps if s.is_overdue),
    }


def onboarding_step_get(*, user, slug: str, step_id: int) -> OnboardingStep | None:
    """A step of the city with this slug, if the user may see the city, else None."""
    return (
        OnboardingStep.objects.filter(city__in=cities_visible_to(user=user), city__slug=slug, pk=step_id)
        .select_related("city")
        .first()
    )


def _cofunding_totals(records) -> list[dict]:
    """Per currency and kind, the amounts committed and received and the share received (no queries)."""
    totals = defaultdict(lambda: {"committed": Decimal(0), "received": Decimal(0)})
    for record in records:
        totals[(record.currency, record.get_kind_display())][record.stage] += record.amount
    return [
        {
            "currency": currency,
            "kind": kind,
            **values,
            "percent": round(100 * values["received"] / values["committed"]) if values["committed"] else None,
        }
        for (currency, kind), values in sorted(totals.items())
    ]


def city_cofunding(*, city: City) -> dict:
    """Co-funding records and, per currency and kind, the amounts committed and received."""
    records = list(CoFundingRecord.objects.filter(city=city).select_related("recorded_by"))
    return {"records": records, "totals": _cofunding_totals(records)}


def cofunding_totals(*, city_ids: list[int]) -> dict[int, list[dict]]:
    """{city id: the city's co-funding totals as `city_cofunding` gives them} for many cities, in one query."""
    records = defaultdict(list)
    for record in CoFundingRecord.objects.filter(city_id__in=city_ids):
        records[record.city_id].append(record)
    return {city_id: _cofunding_totals(records[city_id]) for city_id in city_ids}


def city_profile(*, city: City) -> dict:
    detail = city_stage_details(city_ids=[city.pk])[city.pk]
    return {
        "stage": detail.stage,
        "stage_detail": detail,
        "timeline": stage_timeline(detail.stage, detail.facts),
        "onboarding": city_onboarding(city=city),
        "cofunding": city_cofunding(city=city),
        **city_team(city=city),
    }


def program_cities(*, user) -> dict:
    """The program dashboard's cohorts with their city counts, and cities with team size and pending invitations."""
    if not is_program_staff(user):
        return {"cohorts": [], "cities": []}
    cohorts = list(Cohort.objects.annotate(city_count=Count("cities")).order_by("-start_year", "name"))
    cities = list(
        City.objects.select_related("cohort")
        .annotate(
            team_size=Count("memberships", distinct=True),
            pending_invitations=Count(
                "invitations", filter=Q(invitations__status=InvitationStatus.PENDING), distinct=True
            ),
        )
        .order_by("name")
    )
    return {"cohorts": cohorts, "cities": cities}


def program_dashboard_parts(*, user, cohort_id: int | None) -> dict:
    """The program dashboard's cohorts, cities (with team, invitations and stage), funnel, co-funding and the
    cities' own dates, for one cohort or all: a fixed number of queries (one per app for the stage)."""
    if not is_program_staff(user):
        return {}
    cohorts = list(Cohort.objects.annotate(city_count=Count("cities")).order_by("-start_year", "name"))
    cities = City.objects.select_related("cohort")
    applications = Application.objects.exclude(status=ApplicationStatus.DRAFT)
    if cohort_id is not None:
        cities, applications = cities.filter(cohort_id=cohort_id), applications.filter(cohort_id=cohort_id)
    cities = list(
        cities.annotate(
            team_size=Count("memberships", distinct=True),
            pending_invitations=Count(
                "invitations", filter=Q(invitations__status=InvitationStatus.PENDING), distinct=True
            ),
        ).order_by("name")
    )
    ids = [c.pk for c in cities]
    details = city_stage_details(city_ids=ids)
    for city in cities:
        city.stage_detail = details[city.pk]
    applications = list(applications.only("pk", "city_name", "city_id", "status", "decided_at").order_by("city_name"))
    selected_on = {
        a.city_id: timezone.localdate(a.decided_at)
        for a in applications
        if a.status == ApplicationStatus.SELECTED and a.city_id and a.decided_at
    }
    others = [a for a in applications if a.city_id not in details]
    dates = {
        city.pk: {
            "selected": selected_on.get(city.pk),
            "onboarded": city.stage_detail.facts.checklist_complete,
            "assessed": city.stage_detail.facts.assessment_approved,
        }
        for city in cities
    }
    records = CoFundingRecord.objects.filter(city_id__in=ids).values_list(
        "city_id", "kind", "stage", "amount", "currency", "on"
    )
    cofunding = defaultdict(list)
    for city_id, kind, stage, amount, currency, on in records:
        cofunding[(kind, stage)].append((city_id, amount, currency, on))
    return {
        "cohorts": cohorts,
        "cities": cities,
        "funnel": funnel(cities=cities, facts={c.pk: c.stage_detail.facts for c in cities}, other_applications=others),
        "dates": dates,
        "cofunding": cofunding,
    }


# --- Applications ----------------------------------------------------------------------------------


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


# --- Export ------------------------------------------------------------------------------------------


def cohort_export(*, user, cohort_id: int) -> dict | None:
    """Every sheet of a cohort's export: applications with scores and decisions, reviews, cities, co-funding."""
    if not is_program_staff(user):
        return None
    cohort = Cohort.objects.filter(pk=cohort_id).first()
    if cohort is None:
        return None
    criteria = list(SelectionCriterion.objects.filter(cohort=cohort))
    applications = list(
        _with_reviews(
            Application.objects.filter(cohort=cohort).select_related("applicant", "decided_by", "city")
        ).order_by("city_name")
    )
    _scored(applications, criteria)
    cities = list(City.objects.filter(cohort=cohort).order_by("name"))
    stages = city_stages(city_ids=[c.pk for c in cities])
    records = list(
        CoFundingRecord.objects.filter(city__cohort=cohort).select_related("city").order_by("city__name", "on", "pk")
    )
    steps = dict(
        OnboardingStep.objects.filter(city__cohort=cohort)
        .values_list("city_id")
        .annotate(done=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by()
    )
    for city in cities:
        city.stage = stages[city.pk]
        city.steps_done = steps.get(city.pk, 0)
    return {
        "cohort": cohort,
        "criteria": criteria,
        "applications": applications,
        "cities": cities,
        "cofunding": records,
        "today": timezone.localdate(),
    }


# --- Peers and benchmarking ------------------------------------------------------------------------

PEER_GROUPS = {"cohort": _("Same cohort"), "country": _("Same country"), "sector": _("Same sector")}


def peer_cities(*, city: City, group: str) -> list[City]:
    """The city's peers: the other cities of its cohort, of its country, or with a pilot in one of its sectors."""
    if group == "country":
        peers = City.objects.filter(country=city.country)
    elif group == "sector":
        peers = City.objects.filter(pk__in=panels.same_sector_cities(city_id=city.pk))
    elif city.cohort_id:
        peers = City.objects.filter(cohort_id=city.cohort_id)
    else:
        peers = City.objects.none()
    return list(peers.exclude(pk=city.pk).order_by("name"))


def onboarding_figures(*, city_ids: list[int]) -> list[dict]:
    """The share of each city's onboarding checklist done (one query): an aggregate its peers may see."""
    rows = _checklist_counts(OnboardingStep.objects.filter(city_id__in=city_ids).values("city_id"))
    done = {city_id: aggregates.share(d, t) for city_id, t, d in rows.values_list("city_id", "total", "done")}
    return [
        {
            "key": "onboarding_done",
            "label": _("Onboarding checklist done"),
            "kind": "percent",
            "by_city": {city_id: done.get(city_id) for city_id in city_ids},
        }
    ]


def city_peers(*, city: City, group: str) -> dict:
    """The city's figures against its peers' range and median, never a rank: only the apps' peer figures
    (aggregates and published values), a fixed number of queries however many peers."""
    group = group if group in PEER_GROUPS else "cohort"
    peers = peer_cities(city=city, group=group)
    figures = panels.peer_figures(city_ids=[city.pk, *[p.pk for p in peers]])
    rows = [
        {
            **figure,
            "spread": aggregates.spread(figure["by_city"].get(city.pk), [figure["by_city"].get(p.pk) for p in peers]),
        }
        for figure in figures
    ]
    chart = range_strip(
        rows=[
            (
                row["label"],
                row["spread"].own,
                row["spread"].low,
                row["spread"].median,
                row["spread"].high,
                *(
                    formatting.figure(v, row["kind"])
                    for v in (row["spread"].own, row["spread"].low, row["spread"].median, row["spread"].high)
                ),
            )
            for row in rows
        ],
        title=gettext("%(city)s and its peers") % {"city": city.name},
        own_label=city.name,
        range_label=gettext("peers' range"),
        median_label=gettext("peers' median"),
    )
    return {"group": group, "groups": list(PEER_GROUPS.items()), "peers": peers, "rows": rows, "chart": chart}


def benchmark_cities(*, user) -> list[City]:
    """The cities the benchmark may name to this person: all of them to staff and city teams (only their peer
    figures are shown), none to anyone else; one query, with the user's own cities marked."""
    if not (is_program_staff(user) or memberships_of(user=user)):
        return []
    own = {m.city_id for m in memberships_of(user=user)}
    cities = list(City.objects.select_related("cohort").order_by("name"))
    for city in cities:
        city.is_own = city.pk in own
    return cities
