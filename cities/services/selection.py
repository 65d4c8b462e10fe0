"""Review and selection: reviewers' scores, the program's decision, and a selected city onboarded with its checklist."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ccrs.models import CityMembership, CityRole

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
from ..scoring import MAX_SCORE
from .applications import COUNTRY_DEFAULTS, DECISIONS, DEFAULT_CHECKLIST


@transaction.atomic
def review_save(
    *,
    application: Application,
    reviewer,
    scores: dict,
    comment: str = "",
    conflict_of_interest: bool = False,
    conflict_note: str = "",
) -> Review:
    """Record (or replace) a reviewer's scores of every criterion, or their declared conflict of interest."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in {ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED}:
        raise ValidationError(_("Only a submitted application that is not decided yet can be reviewed."))
    criteria = {c.pk: c for c in SelectionCriterion.objects.filter(cohort_id=application.cohort_id)}
    if conflict_of_interest:
        if not conflict_note.strip():
            raise ValidationError({"conflict_note": _("Say briefly what the conflict of interest is.")})
        clean_scores = {}
    else:
        if not criteria:
            raise ValidationError(_("This cohort has no selection criteria yet. Add them in the admin first."))
        clean_scores = {}
        errors = {}
        for pk, criterion in criteria.items():
            raw = scores.get(pk, scores.get(str(pk)))
            try:
                value = int(raw)
            except (TypeError, ValueError):
                errors[f"criterion_{pk}"] = _("Score “%(criterion)s” with a whole number from 0 to %(max)s.") % {
                    "criterion": criterion.name,
                    "max": MAX_SCORE,
                }
                continue
            if not 0 <= value <= MAX_SCORE:
                errors[f"criterion_{pk}"] = _("Score “%(criterion)s” with a whole number from 0 to %(max)s.") % {
                    "criterion": criterion.name,
                    "max": MAX_SCORE,
                }
                continue
            clean_scores[pk] = value
        if errors:
            raise ValidationError(errors)
    review, _created = Review.objects.update_or_create(
        application=application,
        reviewer=reviewer,
        defaults={
            "conflict_of_interest": conflict_of_interest,
            "conflict_note": conflict_note.strip() if conflict_of_interest else "",
            "comment": comment.strip(),
        },
    )
    existing = {s.criterion_id: s for s in review.scores.all()}
    for pk, score in existing.items():
        if pk not in clean_scores:
            score.delete()
    for pk, value in clean_scores.items():
        score = existing.get(pk)
        if score is None:
            Score.objects.create(review=review, criterion_id=pk, value=value)
        elif score.value != value:
            score.value = value
            score.save(update_fields=["value", "updated_at"])
    return review


@transaction.atomic
def application_decide(*, application: Application, decided_by, status: str, rationale: str) -> Application:
    """Select, wait-list or decline an application with a rationale; selection onboards the city.

    Refuses an illegal status change and a selection past the cohort's maximum number of cities.
    """
    cohort = Cohort.objects.select_for_update().get(pk=application.cohort_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    allowed = DECISIONS.get(application.status, set())
    if status not in allowed:
        raise ValidationError(
            _("An application that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": ApplicationStatus(application.status).label,
                "new": ApplicationStatus(status).label if status in ApplicationStatus.values else status,
            }
        )
    rationale = rationale.strip()
    if not rationale:
        raise ValidationError({"rationale": _("Give the rationale of the decision; the applicant will read it.")})
    application.status = status
    application.decision_rationale = rationale
    application.decided_by = decided_by
    application.decided_at = timezone.now()
    fields = ["status", "decision_rationale", "decided_by", "decided_at", "updated_at"]
    if status == ApplicationStatus.SELECTED:
        application.city = _city_onboard(application=application, cohort=cohort)
        fields.append("city")
    application.save(update_fields=fields)
    return application


def _city_onboard(*, application: Application, cohort: Cohort) -> City:
    """The selected city joins the cohort: its City, its lead, its checklist and its committed co-funding."""
    city = (
        application.city or City.objects.filter(name__iexact=application.city_name, country=application.country).first()
    )
    in_cohort = City.objects.filter(cohort=cohort)
    if city is not None:
        in_cohort = in_cohort.exclude(pk=city.pk)
    if in_cohort.count() >= cohort.max_cities:
        raise ValidationError(
            _(
                "%(cohort)s already has its maximum of %(max)s cities. Wait-list this application, "
                "or raise the cohort's maximum first."
            )
            % {"cohort": cohort.name, "max": cohort.max_cities}
        )
    time_zone, languages = COUNTRY_DEFAULTS.get(str(application.country), ("UTC", ["en"]))
    profile = {
        "resilience_strategy": application.strategy_summary,
        "resilience_strategy_url": application.strategy_url,
        "shocks": application.shocks,
        "currency": application.currency,
    }
    if city is None:
        city = City.objects.create(
            cohort=cohort,
            slug=_free_slug(application.city_name),
            name=application.city_name,
            country=application.country,
            time_zone=time_zone,
            languages=languages,
            **profile,
        )
    else:
        city.cohort = cohort
        fields = ["cohort", "updated_at"]
        for name, value in profile.items():
            if value and not getattr(city, name):
                setattr(city, name, value)
                fields.append(name)
        city.save(update_fields=fields)
    if application.applicant_id:
        # The applicant leads the city's team, unless they are on it already (their role is kept).
        CityMembership.objects.get_or_create(
            user_id=application.applicant_id, city=city, defaults={"role": CityRole.LEAD}
        )
    if not city.onboarding_steps.exists():
        _checklist_copy(city=city, cohort=cohort, owner_id=application.applicant_id)
    today = timezone.localdate()
    for kind, amount in [
        (CoFundingKind.CASH, application.cofunding_cash),
        (CoFundingKind.IN_KIND, application.cofunding_in_kind),
    ]:
        if amount:
            CoFundingRecord.objects.create(
                city=city,
                kind=kind,
                stage=CoFundingStage.COMMITTED,
                amount=amount,
                currency=application.currency,
                on=today,
                description=_("Committed in the application"),
            )
    return city


def _free_slug(name: str) -> str:
    base = slugify(name)[:70] or "city"
    slug, n = base, 2
    while City.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def checklist_default(*, cohort: Cohort) -> list[ChecklistItem]:
    """The cohort's checklist; the program's six standard steps are created when it has none."""
    items = list(cohort.checklist_items.all())
    if items:
        return items
    return [
        ChecklistItem.objects.create(cohort=cohort, kind=kind, days_to_complete=days, position=i)
        for i, (kind, days) in enumerate(DEFAULT_CHECKLIST)
    ]


def _checklist_copy(*, city: City, cohort: Cohort, owner_id) -> None:
    today = timezone.localdate()
    for item in checklist_default(cohort=cohort):
        OnboardingStep.objects.create(
            city=city,
            kind=item.kind,
            title=item.title,
            position=item.position,
            owner_id=owner_id,
            due_on=today + timedelta(days=item.days_to_complete),
        )
