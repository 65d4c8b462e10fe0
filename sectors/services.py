"""Writes of the sector assessment: the framework, sectors and values, the workflow, survey, selection."""

import csv
import uuid
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from ccrs import links
from ccrs.inputs import fit_decimal
from ccrs.links import LinkInvalid

from . import importing, scoring
from .models import (
    Assessment,
    AssessmentStatus,
    Baseline,
    CandidateSector,
    Criterion,
    Direction,
    IndicatorValue,
    IsicCode,
    Principle,
    Selection,
    SelectionStatus,
    SurveyMetric,
    SurveyResponse,
    survey_link_expiry,
)

SURVEY_SALT = "sectors.survey"

# The default framework: (principle, name, unit, direction, weight, survey metric, description, data sources).
DEFAULT_FRAMEWORK = [
    (
        Principle.CRITICAL_SECTOR,
        gettext_noop("Share of city employment"),
        "%",
        Direction.HIGHER,
        3,
        "",
        gettext_noop("People employed in the sector as a share of all city employment."),
        gettext_noop("Labour force survey; economic census"),
    ),
    (
        Principle.CRITICAL_SECTOR,
        gettext_noop("SME share of firms"),
        "%",
        Direction.HIGHER,
        2,
        "",
        gettext_noop("Micro, small and medium enterprises among the sector's firms."),
        gettext_noop("Business register; economic census"),
    ),
    (
        Principle.CRITICAL_SECTOR,
        gettext_noop("Revenue change since before the pandemic"),
        "%",
        Direction.LOWER,
        2,
        SurveyMetric.REVENUE_CHANGE,
        gettext_noop("A deeper loss means a more vulnerable sector."),
        gettext_noop("SME survey"),
    ),
    (
        Principle.CRITICAL_SECTOR,
        gettext_noop("SMEs at high risk of closure"),
        "%",
        Direction.HIGHER,
        2,
        SurveyMetric.CLOSURE_RISK,
        gettext_noop("Share of surveyed SMEs that expect they may close within a year."),
        gettext_noop("SME survey"),
    ),
    (
        Principle.RESILIENCE_CHALLENGES,
        gettext_noop("Exposure to climate hazards"),
        "%",
        Direction.HIGHER,
        2,
        SurveyMetric.CLIMATE_EXPOSURE,
        gettext_noop("Share of SMEs exposed to floods, heat, drought or storms."),
        gettext_noop("SME survey; city hazard maps"),
    ),
    (
        Principle.RESILIENCE_CHALLENGES,
        gettext_noop("Link to the city's resilience strategy"),
        gettext_noop("score 1–5"),
        Direction.HIGHER,
        3,
        "",
        gettext_noop("How directly the sector bears on the challenges of the city's resilience strategy."),
        gettext_noop("City resilience strategy; workshop scoring"),
    ),
    (
        Principle.COLLABORATION,
        gettext_noop("Organised SME associations"),
        gettext_noop("count"),
        Direction.HIGHER,
        1,
        "",
        gettext_noop("Associations, cooperatives or guilds that can bring SMEs to the table."),
        gettext_noop("City economic department"),
    ),
    (
        Principle.COLLABORATION,
        gettext_noop("Partner commitment"),
        gettext_noop("score 1–5"),
        Direction.HIGHER,
        2,
        "",
        gettext_noop("Commitment of city departments, private partners and academia to work on the sector."),
        gettext_noop("Stakeholder interviews"),
    ),
    (
        Principle.CO_BENEFITS,
        gettext_noop("Women-owned SMEs"),
        "%",
        Direction.HIGHER,
        1,
        SurveyMetric.WOMEN_OWNED,
        gettext_noop("Share of SMEs owned by women: support reaches them directly."),
        gettext_noop("SME survey"),
    ),
    (
        Principle.CO_BENEFITS,
        gettext_noop("Environmental co-benefit"),
        gettext_noop("score 1–5"),
        Direction.HIGHER,
        2,
        "",
        gettext_noop("Expected gains in emissions, waste or water quality if the sector is strengthened."),
        gettext_noop("Expert judgement"),
    ),
]


def _refuse(message, **params):
    raise ValidationError(message, params=params or None)


@transaction.atomic
def criteria_seed_default(*, cohort) -> list[Criterion]:
    """Give a cohort the default framework (criteria it already has are left as they are)."""
    made = []
    for order, (principle, name, unit, direction, weight, metric, description, sources) in enumerate(
        DEFAULT_FRAMEWORK, start=1
    ):
        criterion, _created = Criterion.objects.get_or_create(
            cohort=cohort,
            name=name,
            defaults={
                "principle": principle,
                "unit": unit,
                "direction": direction,
                "weight": Decimal(weight),
                "survey_metric": metric,
                "description": description,
                "data_sources": sources,
                "order": order,
            },
        )
        made.append(criterion)
    return made


ISIC_DATA = Path(__file__).resolve().parent / "data" / "isic_rev4.csv"


@transaction.atomic
def isic_load() -> int:
    """Load (or refresh) the ISIC Rev.4 sections and divisions shipped in sectors/data/isic_rev4.csv."""
    with ISIC_DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        IsicCode.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "section_id": row["section"] or None}
        )
    return len(rows)


@transaction.atomic
def assessment_start(*, city) -> Assessment:
    """The city's assessment, made on first use, with the cohort's framework seeded if it has none."""
    if not IsicCode.objects.exists():  # a flushed test database loses the migration's data
        isic_load()
    if city.cohort_id is None:
        _refuse(_("%(city)s belongs to no cohort yet; staff must place it in one first."), city=city.name)
    if not Criterion.objects.filter(cohort_id=city.cohort_id).exists():
        criteria_seed_default(cohort=city.cohort)
    assessment, _created = Assessment.objects.get_or_create(city=city)
    return assessment


def _require_editable(assessment):
    """Refuse changes unless the assessment is a draft or returned (its status read afresh)."""
    assessment.status = Assessment.objects.filter(pk=assessment.pk).values_list("status", flat=True).get()
    if not assessment.is_editable:
        _refuse(
            _("The assessment is %(status)s and cannot be changed. Ask program staff to reopen it."),
            status=assessment.get_status_display().lower(),
        )


ASSESSMENT_FIELDS = {
    "method",
    "sensitivity_samples",
    "base_year",
    "year",
    "city_employment",
    "national_employment",
    "national_employment_base",
    "use_ahp_weights",
}


@transaction.atomic
def assessment_update(*, assessment: Assessment, **fields) -> Assessment:
    """Change the ranking settings and the economy-wide totals of an editable assessment."""
    _require_editable(assessment)
    unknown = set(fields) - ASSESSMENT_FIELDS
    if unknown:
        raise TypeError(f"not assessment settings: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(assessment, name, value)
    if assessment.use_ahp_weights and not assessment.ahp_weights:
        _refuse(_("Save the AHP comparisons first; then the ranking can use their weights."))
    assessment.full_clean(exclude=["city"])
    assessment.save(update_fields=[*fields, "updated_at"])
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
    sector.delete()


@transaction.atomic
def value_set(
    *, sector: CandidateSector, criterion: Criterion, value, source: str = "", confidence: str = "medium"
) -> IndicatorValue:
    """Set (or replace) the value of a criterion for a sector."""
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
        value_set(sector=sector, **entry)


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
    from .selectors import ranking_inputs

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


# The SME survey.


def _survey_refusal(assessment: Assessment):
    if not assessment.survey_open:
        return LinkInvalid(_("This survey is closed. Thank you for your interest."), status=410)
    if assessment.survey_expires_at <= timezone.now():
        return LinkInvalid(_("This survey link has expired. Ask the city team for the current link."), status=410)
    return None


SURVEY_LINK = links.LinkKind(
    salt=SURVEY_SALT,
    url_name="sectors:survey_public",
    rows=lambda: Assessment.objects.select_related("city"),
    refusal=_survey_refusal,
    key=lambda assessment: str(assessment.survey_key),
    invalid=gettext_lazy("This survey link is not valid or has been replaced. Ask the city for the current link."),
    gone=gettext_lazy("This survey link is not valid or has been replaced. Ask the city for the current link."),
)


def survey_token(*, assessment: Assessment) -> str:
    """The signed, unguessable token of the city's public survey link."""
    return links.link_token(SURVEY_LINK, assessment)


def survey_link(*, assessment: Assessment) -> str:
    return links.link_url(SURVEY_LINK, assessment)


def survey_assessment(*, token: str) -> Assessment:
    """The assessment a survey link belongs to, or LinkInvalid for a forged, replaced, closed or expired link."""
    return links.link_open(SURVEY_LINK, token)


@transaction.atomic
def survey_link_renew(*, assessment: Assessment) -> Assessment:
    """A new link with a new expiry; the old one stops working."""
    assessment.survey_key = uuid.uuid4()
    assessment.survey_expires_at = survey_link_expiry()
    assessment.save(update_fields=["survey_key", "survey_expires_at", "updated_at"])
    return assessment


@transaction.atomic
def survey_respond(
    *,
    assessment: Assessment,
    sector: CandidateSector,
    language: str = "",
    submission_key: uuid.UUID | None = None,
    **answers,
) -> SurveyResponse:
    """Store one SME's answers; the same form sent again (same `submission_key`) stores nothing new
    and returns the response it stored the first time."""
    if sector.assessment_id != assessment.pk:
        _refuse(_("Choose one of the sectors listed."))
    if not assessment.survey_open:
        _refuse(_("This survey is closed."))
    if submission_key is not None:
        stored = SurveyResponse.objects.filter(assessment=assessment, submission_key=submission_key).first()
        if stored is not None:
            return stored
    response = SurveyResponse(
        assessment=assessment, sector=sector, language=language[:8], submission_key=submission_key, **answers
    )
    response.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        # The same form sent twice at once: the other request stored it.
        stored = SurveyResponse.objects.filter(assessment=assessment, submission_key=submission_key).first()
        if submission_key is None or stored is None:
            raise
        return stored
    return response


@transaction.atomic
def survey_apply(*, assessment: Assessment) -> int:
    """Write the survey's sector figures into the criteria that draw on it; returns the values written."""
    from .selectors import survey_summary

    _require_editable(assessment)
    criteria = list(
        Criterion.objects.filter(cohort_id=assessment.city.cohort_id).exclude(survey_metric="").order_by("order")
    )
    written = 0
    for row in survey_summary(assessment=assessment):
        if not row["responses"]:
            continue
        for criterion in criteria:
            figure = row["metrics"].get(criterion.survey_metric)
            if figure is None:
                continue
            IndicatorValue.objects.update_or_create(
                sector=row["sector"],
                criterion=criterion,
                defaults={
                    "value": Decimal(str(round(figure, 2))),
                    "source": _("SME survey, %(count)s responses") % {"count": row["responses"]},
                    "confidence": "high" if row["responses"] >= 30 else "medium" if row["responses"] >= 10 else "low",
                },
            )
            written += 1
    return written


# The selection.


@transaction.atomic
def selection_propose(*, assessment: Assessment, sector: CandidateSector, rationale: str, user) -> Selection:
    """The city lead proposes the sector to work on, once staff have approved the assessment."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.APPROVED:
        _refuse(_("Staff must approve the assessment before a sector can be proposed."))
    if sector.assessment_id != assessment.pk:
        _refuse(_("Choose one of the assessment's candidate sectors."))
    if not rationale.strip():
        _refuse(_("Explain why this sector: the rationale is required."))
    if Selection.objects.filter(assessment=assessment, status__in=["proposed", "approved"]).exists():
        _refuse(_("A sector is already proposed or approved for this city."))
    try:
        with transaction.atomic():
            return Selection.objects.create(
                assessment=assessment, sector=sector, rationale=rationale.strip(), proposed_by=user
            )
    except IntegrityError:
        _refuse(_("A sector is already proposed or approved for this city."))


@transaction.atomic
def selection_approve(*, selection: Selection, user, comment: str = "") -> Selection:
    """Staff approve the proposal; the sector's indicator values become the baselines."""
    selection = Selection.objects.select_for_update().select_related("sector").get(pk=selection.pk)
    if selection.status != SelectionStatus.PROPOSED:
        _refuse(
            _("Only a proposed sector can be approved; this one is %(status)s."),
            status=selection.get_status_display().lower(),
        )
    selection.status = SelectionStatus.APPROVED
    selection.comment = comment
    selection.decided_by, selection.decided_at = user, timezone.now()
    selection.save(update_fields=["status", "comment", "decided_by", "decided_at", "updated_at"])
    values = IndicatorValue.objects.filter(sector=selection.sector).select_related("criterion")
    Baseline.objects.bulk_create(
        [
            Baseline(
                selection=selection,
                criterion=v.criterion,
                name=v.criterion.name,
                unit=v.criterion.unit,
                direction=v.criterion.direction,
                value=v.value,
                source=v.source,
                confidence=v.confidence,
            )
            for v in values
        ]
    )
    return selection


@transaction.atomic
def selection_reject(*, selection: Selection, user, comment: str) -> Selection:
    if not comment.strip():
        _refuse(_("Say why the proposal is sent back."))
    selection = Selection.objects.select_for_update().get(pk=selection.pk)
    if selection.status != SelectionStatus.PROPOSED:
        _refuse(
            _("Only a proposed sector can be sent back; this one is %(status)s."),
            status=selection.get_status_display().lower(),
        )
    selection.status = SelectionStatus.REJECTED
    selection.comment = comment.strip()
    selection.decided_by, selection.decided_at = user, timezone.now()
    selection.save(update_fields=["status", "comment", "decided_by", "decided_at", "updated_at"])
    return selection
