"""A city's onboarding steps, its co-funding records and its profile."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..letters import validate_pdf
from ..models import (
    City,
    CoFundingKind,
    CoFundingRecord,
    CoFundingStage,
    OnboardingStep,
)
from .applications import check_currency, parse_amount


@transaction.atomic
def step_complete(*, step: OnboardingStep, user, evidence_file=None, evidence_url: str = "") -> OnboardingStep:
    """Mark an onboarding step done with its evidence: a file (PDF), a link, or both."""
    step = OnboardingStep.objects.select_for_update().get(pk=step.pk)
    if step.completed_at is not None:
        raise ValidationError(_("This step is already done."))
    evidence_url = (evidence_url or "").strip()
    if evidence_file is None and not evidence_url and not step.evidence_file and not step.evidence_url:
        raise ValidationError(_("Attach the evidence as a PDF or give a link to it."))
    if evidence_file is not None:
        validate_pdf(evidence_file)
        step.evidence_name = (getattr(evidence_file, "name", "") or "evidence.pdf")[-200:]
        evidence_file.seek(0)
        step.evidence_file.save(step.evidence_name, evidence_file, save=False)
    if evidence_url:
        step.evidence_url = evidence_url
    step.completed_at = timezone.now()
    step.completed_by = user
    step.save(
        update_fields=["evidence_file", "evidence_name", "evidence_url", "completed_at", "completed_by", "updated_at"]
    )
    return step


@transaction.atomic
def step_reopen(*, step: OnboardingStep) -> OnboardingStep:
    step = OnboardingStep.objects.select_for_update().get(pk=step.pk)
    if step.completed_at is None:
        raise ValidationError(_("This step is still open."))
    step.completed_at = None
    step.completed_by = None
    step.save(update_fields=["completed_at", "completed_by", "updated_at"])
    return step


@transaction.atomic
def cofunding_record(
    *, city: City, kind: str, stage: str, amount, currency: str, on, description: str = "", recorded_by=None
) -> CoFundingRecord:
    """Record co-funding committed or received, in cash or in kind, on a date."""
    if kind not in CoFundingKind.values:
        raise ValidationError({"kind": _("Choose cash or in kind.")})
    if stage not in CoFundingStage.values:
        raise ValidationError({"stage": _("Choose committed or received.")})
    try:
        value = parse_amount(amount, field_label=_("Amount"), column=CoFundingRecord._meta.get_field("amount"))
    except ValidationError as error:
        raise ValidationError({"amount": error.messages}) from None
    if value is None:
        raise ValidationError({"amount": _("Enter the amount.")})
    try:
        currency = check_currency(currency)
    except ValidationError as error:
        raise ValidationError({"currency": error.messages}) from None
    if on is None:
        raise ValidationError({"on": _("Enter the date.")})
    return CoFundingRecord.objects.create(
        city=city,
        kind=kind,
        stage=stage,
        amount=value,
        currency=currency,
        on=on,
        description=description.strip(),
        recorded_by=recorded_by,
    )


PROFILE_FIELDS = [
    "population",
    "area_km2",
    "gdp",
    "gdp_year",
    "currency",
    "time_zone",
    "resilience_strategy",
    "resilience_strategy_url",
    "shocks",
]


@transaction.atomic
def city_profile_update(*, city: City, data: dict) -> City:
    """Change a city's profile; the values come cleaned from the profile form."""
    city = City.objects.select_for_update().get(pk=city.pk)
    if "gdp" in data:
        data = {**data, "gdp": parse_amount(data["gdp"], field_label=_("GDP"), column=City._meta.get_field("gdp"))}
    if data.get("currency"):
        data = {**data, "currency": check_currency(data["currency"])}
    changed = []
    for name in PROFILE_FIELDS:
        if name in data and getattr(city, name) != data[name]:
            setattr(city, name, data[name])
            changed.append(name)
    if changed:
        city.full_clean(exclude=["cohort", "slug", "languages"], validate_unique=False)
        city.save(update_fields=[*changed, "updated_at"])
    return city
