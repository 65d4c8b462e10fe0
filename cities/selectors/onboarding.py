"""Onboarding, co-funding, a city's profile and the program dashboard's cities part."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from ccrs.models import InvitationStatus
from ccrs.rules import is_program_staff

from ..models import (
    Application,
    ApplicationStatus,
    City,
    CoFundingKind,
    CoFundingRecord,
    Cohort,
    OnboardingStep,
)
from ..stages import funnel, stage_timeline
from .cities import cities_visible_to, city_team
from .stage import city_stage_details


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


def cofunding_summary(entries) -> list[dict]:
    """Per currency and kind, the amounts committed and received and the share received, from (kind, stage,
    amount, currency) entries (no queries)."""
    totals = defaultdict(lambda: {"committed": Decimal(0), "received": Decimal(0)})
    for kind, stage, amount, currency in entries:
        totals[(currency, str(CoFundingKind(kind).label))][stage] += amount
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
    return {"records": records, "totals": cofunding_summary((r.kind, r.stage, r.amount, r.currency) for r in records)}


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
    applications = list(
        applications.only("pk", "city_name", "city_id", "cohort_id", "status", "decided_at").order_by("city_name")
    )
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
