"""A large synthetic program of cohorts, cities, applications, checklists, co-funding and teams."""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from ccrs.models import CityMembership, CityRole, Invitation, User

from .. import services
from ..models import (
    Application,
    ApplicationStatus,
    ChecklistItem,
    City,
    CoFundingKind,
    CoFundingRecord,
    CoFundingStage,
    Cohort,
    OnboardingStep,
    Review,
    Score,
    SelectionCriterion,
)
from .data import RUBRIC

SCALE_CITY_PREFIX = "scale-city-"

SCALE_COUNTRIES = [
    ("TH", "Asia/Bangkok", ["th"]),
    ("MY", "Asia/Kuala_Lumpur", ["ms"]),
    ("ID", "Asia/Jakarta", ["id"]),
    ("VN", "Asia/Ho_Chi_Minh", ["vi"]),
    ("PH", "Asia/Manila", ["en"]),
    ("IN", "Asia/Kolkata", ["en"]),
]


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> list[City]:
    """A synthetic program: 4 cohorts and 32 cities per unit of factor (added once; re-runs top up), whatever the
    density."""
    cohorts = []
    for i in range(4 * factor):
        cohort, _created = Cohort.objects.get_or_create(
            name=f"Scale cohort {i + 1:03d}",
            defaults={"region": "Asia-Pacific", "start_year": 2022 + i % 4, "end_year": 2025 + i % 4, "max_cities": 8},
        )
        cohorts.append(cohort)
    rows = []
    for i in range(32 * factor):
        country, tz, languages = SCALE_COUNTRIES[i % len(SCALE_COUNTRIES)]
        rows.append(
            City(
                cohort=cohorts[i // 8],
                slug=f"{SCALE_CITY_PREFIX}{i + 1:04d}",
                name=f"Scale City {i + 1:04d}",
                local_name=f"Scale City {i + 1:04d}",
                country=country,
                time_zone=tz,
                languages=languages,
                population=100_000 + 7_919 * i,
            )
        )
    City.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).order_by("slug"))
    log(f"{len(cohorts)} scale cohorts, {len(cities)} scale cities")
    seed_scale_onboarding(cohorts=cohorts, cities=cities, log=log)
    seed_scale_teams(cities=cities, log=log)
    return cities


SCALE_REVIEWERS = 3


def seed_scale_onboarding(*, cohorts, cities, log) -> None:
    """Per scale cohort a rubric, a checklist and 4 extra applications; per scale city its application,
    3 reviews of 4 scores, 6 checklist steps (half done) and 4 co-funding records."""
    User.objects.bulk_create(
        [
            User(email=f"reviewer{i}@scale.ccrs", full_name=f"Reviewer {i}", is_staff=True)
            for i in range(SCALE_REVIEWERS)
        ],
        ignore_conflicts=True,
    )
    reviewers = list(User.objects.filter(email__startswith="reviewer", email__endswith="@scale.ccrs"))
    SelectionCriterion.objects.bulk_create(
        [
            SelectionCriterion(cohort=cohort, name=name, weight=weight, position=i)
            for cohort in cohorts
            for i, (name, weight) in enumerate(RUBRIC)
        ],
        ignore_conflicts=True,
    )
    fresh = [c for c in cohorts if not c.checklist_items.exists()]
    ChecklistItem.objects.bulk_create(
        [
            ChecklistItem(cohort=c, kind=k, days_to_complete=d, position=i)
            for c in fresh
            for i, (k, d) in enumerate(services.DEFAULT_CHECKLIST)
        ]
    )
    now = timezone.now()
    rows = []
    for city in cities:
        rows.append(
            Application(
                cohort_id=city.cohort_id,
                city=city,
                city_name=city.name,
                country=city.country,
                status=ApplicationStatus.SELECTED,
                invited_email=f"cro.{city.slug}@scale.ccrs",
                currency="USD",
                cofunding_cash=Decimal("100000"),
                cofunding_in_kind=Decimal("50000"),
                submitted_at=now,
                decided_at=now,
                decision_rationale="Scale data",
                shocks=["flooding"],
            )
        )
    for cohort in cohorts:
        for n, status in enumerate(["submitted", "submitted", "waitlisted", "declined"]):
            rows.append(
                Application(
                    cohort=cohort,
                    city_name=f"Applicant {cohort.pk}-{n}",
                    country="PH",
                    status=status,
                    invited_email=f"cro{n}.{cohort.pk}@scale.ccrs",
                    submitted_at=now,
                    decided_at=now if status in {"waitlisted", "declined"} else None,
                    decision_rationale="Scale data" if status in {"waitlisted", "declined"} else "",
                )
            )
    Application.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    applications = list(Application.objects.filter(cohort__in=cohorts))
    Review.objects.bulk_create(
        [Review(application=a, reviewer=r) for a in applications for r in reviewers],
        ignore_conflicts=True,
        batch_size=1000,
    )
    criteria = defaultdict(list)
    for criterion in SelectionCriterion.objects.filter(cohort__in=cohorts):
        criteria[criterion.cohort_id].append(criterion)
    reviews = Review.objects.filter(application__cohort__in=cohorts).select_related("application")
    Score.objects.bulk_create(
        [
            Score(review=review, criterion=c, value=(review.pk + c.pk) % 6)
            for review in reviews
            for c in criteria[review.application.cohort_id]
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    with_steps = set(OnboardingStep.objects.filter(city__in=cities).values_list("city_id", flat=True).distinct())
    today = timezone.localdate()
    OnboardingStep.objects.bulk_create(
        [
            OnboardingStep(
                city=city,
                kind=kind,
                position=i,
                due_on=today + timedelta(days=i * 10 - 20),
                completed_at=now if i < 3 else None,
                evidence_url="https://example.org/e" if i < 3 else "",
            )
            for city in cities
            if city.pk not in with_steps
            for i, (kind, _days) in enumerate(services.DEFAULT_CHECKLIST)
        ],
        batch_size=2000,
    )
    with_money = set(CoFundingRecord.objects.filter(city__in=cities).values_list("city_id", flat=True).distinct())
    CoFundingRecord.objects.bulk_create(
        [
            CoFundingRecord(city=city, kind=kind, stage=stage, amount=Decimal("25000"), currency="USD", on=today)
            for city in cities
            if city.pk not in with_money
            for kind in CoFundingKind.values
            for stage in CoFundingStage.values
        ],
        batch_size=2000,
    )
    log(f"{len(applications)} scale applications with reviews, checklists and co-funding")


def seed_scale_teams(*, cities, log) -> None:
    """Five team members and three pending invitations per scale city."""
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(email=f"team{n}.{city.slug}@scale.ccrs", full_name=f"Team {n} {city.name}", password=unusable)
            for city in cities
            for n in range(5)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    by_email = dict(
        User.objects.filter(email__startswith="team", email__endswith="@scale.ccrs").values_list("email", "pk")
    )
    roles = [CityRole.LEAD, CityRole.OFFICER, CityRole.OFFICER, CityRole.VIEWER, CityRole.VIEWER]
    CityMembership.objects.bulk_create(
        [
            CityMembership(user_id=by_email[f"team{n}.{city.slug}@scale.ccrs"], city=city, role=roles[n])
            for city in cities
            for n in range(5)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    Invitation.objects.bulk_create(
        [
            Invitation(email=f"invitee{n}.{city.slug}@scale.ccrs", city=city, role=CityRole.OFFICER)
            for city in cities
            for n in range(3)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    log(f"{5 * len(cities)} scale team members")
