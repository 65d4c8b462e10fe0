"""Writes of updates: an officer reports on a period (figures and evidence), staff approve or return it."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs.inputs import decimal_for_column, fit_decimal

from .. import actuals
from ..health import disaggregation_gaps
from ..models import DISAGGREGATIONS, Indicator, Measure, Period, PilotStatus, Update, UpdateEvidence, UpdateStatus
from .evidence import evidence_check
from .results import period_recompute_actual


def _number(raw, field: str, label: str, *, column: bool = True) -> Decimal | None:
    """A number typed into the update form; one saved in Update's column of `field` must fit it."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        raise ValidationError(
            {field: _("%(label)s must be a number, such as 120 or 3.5.") % {"label": label}}
        ) from None
    if not value.is_finite():
        raise ValidationError({field: _("%(label)s must be a number, such as 120 or 3.5.") % {"label": label}})
    if not column:
        return value
    try:
        return decimal_for_column(value, field=Update._meta.get_field(field), label=label)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def _clean_figures(indicator: Indicator, *, value, numerator, denominator, narrative, disaggregated) -> dict:
    """Parse and check an update's figures for its indicator; raises ValidationError naming the field."""
    figures = {"value": None, "numerator": None, "denominator": None, "disaggregated": {}}
    if indicator.measure == Measure.QUALITATIVE:
        if not narrative.strip():
            raise ValidationError({"narrative": _("Describe the progress: this indicator is qualitative.")})
        return {**figures, "incomplete": False}
    if indicator.measure == Measure.PERCENTAGE:
        figures["numerator"] = _number(numerator, "numerator", _("The numerator"))
        figures["denominator"] = _number(denominator, "denominator", _("The denominator"))
        if figures["numerator"] is None:
            raise ValidationError({"numerator": _("Enter the numerator of the percentage.")})
        if figures["denominator"] is None:
            raise ValidationError({"denominator": _("A percentage needs its denominator: enter it.")})
        if figures["denominator"] <= 0:
            raise ValidationError({"denominator": _("The denominator must be more than zero.")})
        if figures["numerator"] < 0:
            raise ValidationError({"numerator": _("The numerator cannot be negative.")})
        figures["value"] = fit_decimal(
            actuals.percentage(figures["numerator"], figures["denominator"]),
            max_digits=Update._meta.get_field("value").max_digits,
            decimal_places=Update._meta.get_field("value").decimal_places,
        )
        if figures["value"] is None:
            raise ValidationError(
                {"denominator": _("The percentage is too large: check the numerator and the denominator.")}
            )
    else:
        figures["value"] = _number(value, "value", _("The value"))
        if figures["value"] is None:
            raise ValidationError({"value": _("Enter the value reached in this period.")})
    breakdown = {}
    for key, _label, categories in indicator.disaggregation_categories():
        entered = (disaggregated or {}).get(key) or {}
        values = {
            cat: _number(entered.get(cat), f"disaggregated_{key}_{cat}", str(label), column=False)
            for cat, label in categories
        }
        if any(v is not None for v in values.values()):
            breakdown[key] = {cat: (str(v) if v is not None else None) for cat, v in values.items()}
    total = figures["numerator"] if indicator.measure == Measure.PERCENTAGE else figures["value"]
    gaps = disaggregation_gaps(
        total,
        {k: {c: (Decimal(v) if v is not None else None) for c, v in vals.items()} for k, vals in breakdown.items()},
    )
    missing_dimensions = [key for key in indicator.disaggregations if key in DISAGGREGATIONS and key not in breakdown]
    figures["disaggregated"] = breakdown
    figures["incomplete"] = bool(gaps or missing_dimensions)
    return figures


def _check_open(period: Period) -> None:
    if period.locked:
        raise ValidationError(
            {"period": _("This period is locked: no updates can be added or changed. Ask program staff to open it.")}
        )
    if period.indicator.result.pilot.status != PilotStatus.ACTIVE:
        raise ValidationError({"period": _("Updates can only be reported while the pilot is active.")})


def _checked_report(period: Period, files, value, numerator, denominator, narrative, disaggregated):
    """(figures, checked evidence) of a report on an open period; raises ValidationError naming the field."""
    _check_open(period)
    figures = _clean_figures(
        period.indicator,
        value=value,
        numerator=numerator,
        denominator=denominator,
        narrative=narrative,
        disaggregated=disaggregated,
    )
    return figures, evidence_check(files)


def _attach_evidence(update: Update, checked) -> None:
    for upload, content_type, kind in checked:
        UpdateEvidence.objects.create(
            update=update,
            file=upload,
            name=upload.name[:200],
            kind=kind,
            content_type=content_type,
            size=upload.size,
        )


@transaction.atomic
def update_submit(
    *,
    period: Period,
    user,
    value=None,
    numerator=None,
    denominator=None,
    narrative: str = "",
    disaggregated: dict | None = None,
    files=(),
) -> Update:
    """A city officer reports on a period; staff review it next."""
    period = Period.objects.select_for_update().select_related("indicator__result__pilot").get(pk=period.pk)
    figures, checked = _checked_report(period, files, value, numerator, denominator, narrative, disaggregated)
    update = Update.objects.create(
        period=period,
        narrative=narrative.strip(),
        submitted_by=user,
        submitted_at=timezone.now(),
        status=UpdateStatus.SUBMITTED,
        **figures,
    )
    _attach_evidence(update, checked)
    return update


@transaction.atomic
def update_revise(
    *,
    update: Update,
    user,
    value=None,
    numerator=None,
    denominator=None,
    narrative: str = "",
    disaggregated: dict | None = None,
    files=(),
) -> Update:
    """The officer corrects a returned (or still unreviewed) update and submits it again."""
    update = Update.objects.select_for_update().select_related("period__indicator__result__pilot").get(pk=update.pk)
    if update.status == UpdateStatus.APPROVED:
        raise ValidationError({"status": _("An approved update cannot be changed.")})
    figures, checked = _checked_report(update.period, files, value, numerator, denominator, narrative, disaggregated)
    for key, item in figures.items():
        setattr(update, key, item)
    update.narrative = narrative.strip()
    if update.status == UpdateStatus.RETURNED:
        update.revision += 1
    update.status = UpdateStatus.SUBMITTED
    update.submitted_by = user
    update.submitted_at = timezone.now()
    update.save(
        update_fields=[
            *figures.keys(),
            "narrative",
            "status",
            "revision",
            "submitted_by",
            "submitted_at",
            "updated_at",
        ]
    )
    _attach_evidence(update, checked)
    return update


def _review(update: Update, reviewer, status: str, comment: str) -> Update:
    from ..tasks import update_notify

    update = Update.objects.select_for_update().select_related("period__indicator__result__pilot").get(pk=update.pk)
    if update.status != UpdateStatus.SUBMITTED:
        raise ValidationError(
            {
                "status": _("Only a submitted update can be reviewed; this one is %(status)s.")
                % {"status": update.get_status_display().lower()}
            }
        )
    if update.period.locked:
        raise ValidationError({"period": _("This period is locked: open it before reviewing its updates.")})
    update.status = status
    update.reviewed_by = reviewer
    update.reviewed_at = timezone.now()
    update.review_comment = comment.strip()
    update.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment", "updated_at"])
    period_recompute_actual(period=update.period)
    update_notify.delay_on_commit(update.pk)
    return update


@transaction.atomic
def update_approve(*, update: Update, reviewer, comment: str = "") -> Update:
    """Staff accept the update: the period's actual now counts it."""
    return _review(update, reviewer, UpdateStatus.APPROVED, comment)


@transaction.atomic
def update_return(*, update: Update, reviewer, comment: str) -> Update:
    """Staff send the update back to the officer with what to correct."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the officer should correct.")})
    return _review(update, reviewer, UpdateStatus.RETURNED, comment)
