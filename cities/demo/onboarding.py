"""The first cohort's rubric, applications, reviews, onboarding checklists, co-funding and teams."""

from datetime import UTC, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ccrs.demo_calendar import REAL_APPLIED, REAL_COFUNDING_RECEIVED, REAL_LATE_APPLIED, REAL_SELECTED
from ccrs.models import CityMembership, CityRole, Invitation, InvitationStatus, User

from .. import services
from ..models import (
    Application,
    ApplicationStatus,
    CoFundingKind,
    CoFundingRecord,
    CoFundingStage,
    OnboardingStep,
    Review,
    Score,
    SelectionCriterion,
)
from .data import DEMO_PROFILES, DEMO_TEAMS, OTHER_APPLICATIONS, RUBRIC


def _reviewers():
    staff, _created = User.objects.get_or_create(
        email="staff@ccrs.demo", defaults={"full_name": "Amelia Tan", "is_staff": True, "is_superuser": True}
    )
    second, _created = User.objects.get_or_create(
        email="reviewer@ccrs.demo", defaults={"full_name": "Daniel Lim", "is_staff": True}
    )
    return [staff, second]


def _scores(application, reviewers, criteria, values):
    for offset, reviewer in enumerate(reviewers):
        review, _created = Review.objects.update_or_create(
            application=application, reviewer=reviewer, defaults={"comment": "", "conflict_of_interest": False}
        )
        for criterion, value in zip(criteria, values, strict=True):
            Score.objects.update_or_create(
                review=review, criterion=criterion, defaults={"value": max(0, min(5, value - offset % 2))}
            )


@transaction.atomic
def seed_onboarding(*, cohort, cities, calendar, log) -> None:
    """The first cohort's rubric, applications, reviews, decisions, checklists and co-funding, on the calendar."""
    criteria = [
        SelectionCriterion.objects.update_or_create(
            cohort=cohort, name=name, defaults={"weight": weight, "position": i}
        )[0]
        for i, (name, weight) in enumerate(RUBRIC)
    ]
    items = services.checklist_default(cohort=cohort)
    reviewers = _reviewers()
    decided = calendar.at(REAL_SELECTED).replace(tzinfo=UTC)
    selected_on = calendar.on(REAL_SELECTED)
    for slug, data in DEMO_PROFILES.items():
        city = cities[slug]
        for name, value in data["profile"].items():
            setattr(city, name, value)
        city.save(update_fields=[*data["profile"], "updated_at"])
        currency, cash, in_kind, received = data["cofunding"]
        application, _created = Application.objects.update_or_create(
            cohort=cohort,
            country=city.country,
            city_name=city.name,
            defaults={
                "city": city,
                "status": ApplicationStatus.SELECTED,
                "invited_email": data["cro"][1],
                "cro_name": data["cro"][0],
                "cro_email": data["cro"][1],
                "strategy_summary": data["profile"]["resilience_strategy"],
                "shocks": data["profile"]["shocks"],
                "candidate_sectors": data["sectors"],
                "currency": currency,
                "cofunding_cash": cash,
                "cofunding_in_kind": in_kind,
                "submitted_at": calendar.at(REAL_APPLIED).replace(tzinfo=UTC),
                "decided_at": decided,
                "decided_by": reviewers[0],
                "decision_rationale": "Strong commitment to an SME-dominated sector and clear co-funding.",
            },
        )
        _scores(application, reviewers, criteria, data["scores"])
        for item in items:
            done = item.position < data["done"]
            OnboardingStep.objects.update_or_create(
                city=city,
                kind=item.kind,
                defaults={
                    "position": item.position,
                    "due_on": selected_on + timedelta(days=item.days_to_complete)
                    if done
                    else calendar.today + timedelta(days=item.position * 7 - 10),
                    "completed_at": decided + timedelta(days=item.days_to_complete - 5) if done else None,
                    "evidence_url": f"https://ccrs.example.org/evidence/{slug}/{item.kind}" if done else "",
                },
            )
        for kind, stage, amount, on in [
            (CoFundingKind.CASH, CoFundingStage.COMMITTED, cash, selected_on),
            (CoFundingKind.IN_KIND, CoFundingStage.COMMITTED, in_kind, selected_on),
            (CoFundingKind.CASH, CoFundingStage.RECEIVED, received, calendar.on(REAL_COFUNDING_RECEIVED)),
        ]:
            if amount:
                CoFundingRecord.objects.update_or_create(
                    city=city, kind=kind, stage=stage, on=on, defaults={"amount": amount, "currency": currency}
                )
    for name, country, status, sectors, currency, values in OTHER_APPLICATIONS:
        application, _created = Application.objects.update_or_create(
            cohort=cohort,
            country=country,
            city_name=name,
            defaults={
                "status": status,
                "invited_email": f"cro@{slugify(name)}.example.org",
                "cro_name": "—",
                "candidate_sectors": sectors,
                "currency": currency,
                "submitted_at": calendar.at(REAL_LATE_APPLIED).replace(tzinfo=UTC),
                "decided_at": decided if status == "waitlisted" else None,
                "decision_rationale": "Good proposal; the cohort is nearly full." if status == "waitlisted" else "",
            },
        )
        _scores(application, reviewers, criteria, values)
    log(f"{len(DEMO_PROFILES) + len(OTHER_APPLICATIONS)} applications, checklists and co-funding")


def seed_teams(*, cities, log) -> None:
    """The demo people on their cities' teams, and a pending invitation to the Can Tho team (idempotent)."""
    users = {user.email: user for user in User.objects.filter(email__in=[email for email, _s, _r in DEMO_TEAMS])}
    for email, slug, role in DEMO_TEAMS:
        CityMembership.objects.update_or_create(user=users[email], city=cities[slug], defaults={"role": role})
    Invitation.objects.get_or_create(
        email="kim.nguyen@cantho.example.vn",
        city=cities["can-tho"],
        status=InvitationStatus.PENDING,
        defaults={
            "role": CityRole.VIEWER,
            "invited_by": User.objects.get(email="staff@ccrs.demo"),
            "sent_at": timezone.now(),
        },
    )
    log(f"{len(DEMO_TEAMS)} demo team memberships")
