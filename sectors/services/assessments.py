"""A city's sector assessment: candidate sectors, indicator values, AHP weights, and its workflow to approval."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs.inputs import fit_decimal

from .. import importing, scoring
from ..models import (
    Assessment,
    AssessmentStatus,
    CandidateSector,
    Criterion,
    IndicatorValue,
    IsicCode,
    Selection,
    SelectionStatus,
)
from .framework import criteria_seed_default, isic_load
from .ranking import assessment_rank


def _refuse(message, **params):
    raise ValidationError(message, params=params or None)


@transaction.atomic
def assessment_start(*, city) -> Assessment:
    """The city's assessment, made on first use, with the cohort's framework seeded if it has none."""
    if not IsicCode.objects.exists():  # a flushed test database loses the migration's data
        isic_load()
    if city.cohort_id is None:
        _refuse(_("%(city)s belongs to no cohort yet; staff must place it in one first."), city=city.name)
    if not Criterion.objects.filter(cohort_id=city.cohort_id).exists():
        criteria_seed_default(cohort=city.cohort)
    assessment, created = Assessment.objects.get_or_create(city=city)
    if created:
        assessment_rank(assessment=assessment)
    return assessment


def _require_editable(assessment):
    """Refuse changes unless the assessment is a draft or returned (its status read afresh)."""
    assessment.status = Assessment.objects.filter(pk=assessment.pk).values_list("status", flat=True).get()
    if not assessment.is_editable:
        _refuse(
            _("The assessment is %(status)s and cannot be changed. Ask program staff to reopen it."),
            status=assessment.get_status_display().lower(),
        )


# The ranking settings and economy-wide totals, in the order the settings form asks for them.
ASSESSMENT_FIELDS = (
    "method",
    "use_ahp_weights",
    "sensitivity_samples",
    "base_year",
    "year",
    "city_employment",
    "national_employment",
    "national_employment_base",
)


@transaction.atomic
def assessment_update(*, assessment: Assessment, **fields) -> Assessment:
    """Change the ranking settings and the economy-wide totals of an editable assessment."""
    _require_editable(assessment)
    unknown = set(fields) - set(ASSESSMENT_FIELDS)
    if unknown:
        raise TypeError(f"not assessment settings: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(assessment, name, value)
    if assessment.use_ahp_weights and not assessment.ahp_weights:
        _refuse(_("Save the AHP comparisons first; then the ranking can use their weights."))
    assessment.full_clean(exclude=["city"])
    assessment.save(update_fields=[*fields, "updated_at"])
    assessment_rank(assessment=assessment)
    return assessment


SECTOR_FIELDS = {
    "description",
    "city_employment",
    "city_employment_base",
    "national_employment",
    "national_employment_base",
    "firms",
    "sme_firms",
    "sme_employment",
}


def _check_sector(sector):
    if sector.sme_firms is not None and sector.firms is not None and sector.sme_firms > sector.firms:
        _refuse(_("There cannot be more SMEs than firms in the sector."))
    if (
        sector.sme_employment is not None
        and sector.city_employment is not None
        and sector.sme_employment > sector.city_employment
    ):
        _refuse(_("Employment in SMEs cannot exceed the sector's city employment."))


@transaction.atomic
def sector_add(*, assessment: Assessment, isic_code: str, local_name: str, **fields) -> CandidateSector:
    """Add a candidate sector under an ISIC Rev.4 section or division, named as the city names it."""
    _require_editable(assessment)
    local_name = local_name.strip()
    if not local_name:
        _refuse(_("Give the sector the name the city uses for it."))
    isic = IsicCode.objects.filter(code=(isic_code or "").strip().upper()).first()
    if isic is None:
        _refuse(_("“%(code)s” is not an ISIC Rev.4 section (A–U) or division (01–99)."), code=isic_code)
    sector = CandidateSector(assessment=assessment, isic=isic, local_name=local_name, **fields)
    _check_sector(sector)
    if CandidateSector.objects.filter(assessment=assessment, local_name__iexact=local_name).exists():
        _refuse(_("There is already a candidate sector named “%(name)s”."), name=local_name)
    sector.save()
    assessment_rank(assessment=assessment)
    return sector


@transaction.atomic
def sector_update(*, sector: CandidateSector, **fields) -> CandidateSector:
    _require_editable(sector.assessment)
    for name, value in fields.items():
        if name not in SECTOR_FIELDS:
            raise TypeError(f"not a sector field: {name}")
        setattr(sector, name, value)
    _check_sector(sector)
    sector.save(update_fields=[*fields, "updated_at"])
    return sector


@transaction.atomic
def sector_remove(*, sector: CandidateSector) -> None:
    _require_editable(sector.assessment)
    if Selection.objects.filter(sector=sector).exists():
        _refuse(_("This sector was proposed for selection and cannot be removed."))
    assessment = sector.assessment
    sector.delete()
    assessment_rank(assessment=assessment)


@transaction.atomic
def value_set(
    *, sector: CandidateSector, criterion: Criterion, value, source: str = "", confidence: str = "medium"
) -> IndicatorValue:
    """Set (or replace) the value of a criterion for a sector."""
    row = _value_store(sector=sector, criterion=criterion, value=value, source=source, confidence=confidence)
    assessment_rank(assessment=sector.assessment)
    return row


def _value_store(*, sector, criterion, value, source, confidence) -> IndicatorValue:
    _require_editable(sector.assessment)
    if criterion.cohort_id != sector.assessment.city.cohort_id:
        _refuse(_("“%(criterion)s” is not a criterion of this city's cohort."), criterion=criterion.name)
    try:
        value = Decimal(str(value))
        if not value.is_finite():
            raise ArithmeticError
    except (ArithmeticError, ValueError):
        _refuse(_("The value of “%(criterion)s” must be a number."), criterion=criterion.name)
    column = IndicatorValue._meta.get_field("value")
    value = fit_decimal(value, max_digits=column.max_digits, decimal_places=column.decimal_places)
    if value is None:
        _refuse(
            _("The value of “%(criterion)s” is too large: use at most %(digits)s digits before the decimal point."),
            criterion=criterion.name,
            digits=column.max_digits - column.decimal_places,
        )
    row, _created = IndicatorValue.objects.update_or_create(
        sector=sector, criterion=criterion, defaults={"value": value, "source": source, "confidence": confidence}
    )
    return row


@transaction.atomic
def sector_values_set(*, sector: CandidateSector, entries: list[dict]) -> None:
    """Set several values of one sector (each `criterion`, `value`, `source`, `confidence`): all, or none."""
    for entry in entries:
        _value_store(sector=sector, **{"source": "", "confidence": "medium", **entry})
    assessment_rank(assessment=sector.assessment)


@transaction.atomic
def values_import(*, assessment: Assessment, data: bytes, filename: str) -> int:
    """Save every value of an uploaded sheet, or none: any wrong row refuses the whole file.

    Raises ValidationError whose messages list each row's errors.
    """
    _require_editable(assessment)
    sectors = {s.local_name: s for s in CandidateSector.objects.filter(assessment=assessment)}
    criteria = {c.name: c for c in Criterion.objects.filter(cohort_id=assessment.city.cohort_id)}
    try:
        table = importing.read_table(data, filename)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    column = IndicatorValue._meta.get_field("value")
    rows, errors = importing.parse(
        table,
        sectors=set(sectors),
        criteria=set(criteria),
        max_digits=column.max_digits,
        decimal_places=column.decimal_places,
    )
    if errors:
        raise ValidationError(errors)
    existing = {(v.sector_id, v.criterion_id): v for v in IndicatorValue.objects.filter(sector__assessment=assessment)}
    new, changed = [], []
    for row in rows:
        sector, criterion = sectors[row.sector], criteria[row.criterion]
        value = existing.get((sector.pk, criterion.pk))
        if value is None:
            new.append(
                IndicatorValue(
                    sector=sector, criterion=criterion, value=row.value, source=row.source, confidence=row.confidence
                )
            )
        else:
            value.value, value.source, value.confidence = row.value, row.source, row.confidence
            changed.append(value)
    IndicatorValue.objects.bulk_create(new)
    IndicatorValue.objects.bulk_update(changed, ["value", "source", "confidence", "updated_at"])
    assessment_rank(assessment=assessment)
    return len(rows)


@transaction.atomic
def ahp_save(*, assessment: Assessment, judgements: dict[str, float]) -> scoring.AhpResult:
    """Derive criterion weights from pairwise comparisons ("<id_a>:<id_b>" → how much a beats b).

    An inconsistent set (consistency ratio 0.10 or more) is refused and nothing is saved.
    """
    _require_editable(assessment)
    criteria = list(Criterion.objects.filter(cohort_id=assessment.city.cohort_id).order_by("order", "pk"))
    ids = [c.pk for c in criteria]
    n = len(ids)
    matrix = [[1.0] * n for _i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            key = f"{ids[i]}:{ids[j]}"
            raw = judgements.get(key)
            try:
                value = float(raw)
            except (TypeError, ValueError):
                _refuse(
                    _("Compare “%(a)s” with “%(b)s”: choose a value from 1/9 to 9."),
                    a=criteria[i].name,
                    b=criteria[j].name,
                )
            if not 1 / 9 - 1e-9 <= value <= 9 + 1e-9:
                _refuse(
                    _("Compare “%(a)s” with “%(b)s”: choose a value from 1/9 to 9."),
                    a=criteria[i].name,
                    b=criteria[j].name,
                )
            matrix[i][j], matrix[j][i] = value, 1 / value
    try:
        result = scoring.ahp_weights(matrix, labels=[c.name for c in criteria])
    except scoring.ScoringError as error:
        raise ValidationError(str(error)) from None
    assessment.ahp_judgements = {k: float(v) for k, v in judgements.items()}
    assessment.ahp_weights = {
        "weights": {str(pk): round(float(w), 6) for pk, w in zip(ids, result.weights, strict=True)},
        "lambda_max": result.lambda_max,
        "consistency_ratio": result.consistency_ratio,
    }
    assessment.save(update_fields=["ahp_judgements", "ahp_weights", "updated_at"])
    assessment_rank(assessment=assessment)
    return result


# The workflow: draft → submitted → approved | returned → submitted; approved → draft (reopened).


def _transition(assessment, *, allowed_from, message):
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status not in allowed_from:
        _refuse(message, status=assessment.get_status_display().lower())
    return assessment


@transaction.atomic
def assessment_submit(*, assessment: Assessment, user) -> Assessment:
    """The city team sends a complete assessment to program staff for review."""
    from ..selectors import ranking_inputs

    assessment = _transition(
        assessment,
        allowed_from={AssessmentStatus.DRAFT, AssessmentStatus.RETURNED},
        message=_("Only a draft or returned assessment can be submitted; this one is %(status)s."),
    )
    inputs = ranking_inputs(assessment=assessment)
    if len(inputs["sectors"]) < 2:
        _refuse(_("Add at least two candidate sectors before submitting."))
    try:
        scoring.check_inputs(
            inputs["matrix"],
            inputs["weights"],
            inputs["benefit"],
            sectors=[s.local_name for s in inputs["sectors"]],
            criteria=[c.name for c in inputs["criteria"]],
        )
    except scoring.ScoringError as error:
        raise ValidationError(str(error)) from None
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_at", "updated_at"])
    return assessment


@transaction.atomic
def assessment_approve(*, assessment: Assessment, user, comment: str = "") -> Assessment:
    assessment = _transition(
        assessment,
        allowed_from={AssessmentStatus.SUBMITTED},
        message=_("Only a submitted assessment can be approved; this one is %(status)s."),
    )
    assessment.status = AssessmentStatus.APPROVED
    assessment.comment = comment
    assessment.decided_at, assessment.decided_by = timezone.now(), user
    assessment.save(update_fields=["status", "comment", "decided_at", "decided_by", "updated_at"])
    return assessment


@transaction.atomic
def assessment_return(*, assessment: Assessment, user, comment: str) -> Assessment:
    if not comment.strip():
        _refuse(_("Say what the city team should change before returning the assessment."))
    assessment = _transition(
        assessment,
        allowed_from={AssessmentStatus.SUBMITTED},
        message=_("Only a submitted assessment can be returned; this one is %(status)s."),
    )
    assessment.status = AssessmentStatus.RETURNED
    assessment.comment = comment.strip()
    assessment.decided_at, assessment.decided_by = timezone.now(), user
    assessment.save(update_fields=["status", "comment", "decided_at", "decided_by", "updated_at"])
    return assessment


@transaction.atomic
def assessment_reopen(*, assessment: Assessment, user, reason: str) -> Assessment:
    """Staff reopen an approved assessment as a draft; an open selection proposal is withdrawn."""
    if not reason.strip():
        _refuse(_("Give the reason for reopening the assessment."))
    assessment = _transition(
        assessment,
        allowed_from={AssessmentStatus.APPROVED},
        message=_("Only an approved assessment can be reopened; this one is %(status)s."),
    )
    if Selection.objects.filter(assessment=assessment, status=SelectionStatus.APPROVED).exists():
        _refuse(_("The selected sector is approved; the assessment can no longer be reopened."))
    Selection.objects.filter(assessment=assessment, status=SelectionStatus.PROPOSED).update(
        status=SelectionStatus.REJECTED, comment=reason.strip(), decided_by=user, decided_at=timezone.now()
    )
    assessment.status = AssessmentStatus.DRAFT
    assessment.reopen_reason = reason.strip()
    assessment.save(update_fields=["status", "reopen_reason", "updated_at"])
    return assessment
