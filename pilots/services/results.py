"""Writes of a pilot's results framework: results, their indicators and the indicators' reporting periods."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sectors.selectors import sector_baselines

from .. import actuals
from ..models import DISAGGREGATIONS, CoBenefit, Indicator, Measure, Period, Pilot, Result, ResultType, UpdateStatus


@transaction.atomic
def result_create(*, pilot: Pilot, type: str, title: str, description: str = "") -> Result:
    if type not in ResultType.values:
        raise ValidationError({"type": _("Choose output, outcome or impact.")})
    result = Result(pilot=pilot, type=type, title=title, description=description)
    result.full_clean()
    result.save()
    return result


@transaction.atomic
def indicator_create(
    *,
    result: Result,
    title: str,
    measure: str,
    unit: str = "",
    ascending: bool = True,
    baseline_value=None,
    baseline_year: int | None = None,
    baseline_comment: str = "",
    co_benefits: list[str] = (),
    disaggregations: list[str] = (),
    description: str = "",
    sector_baseline=None,
) -> Indicator:
    """An indicator of a result; a quantitative one with a baseline needs the baseline's year.

    With `sector_baseline` (a value of the city's approved sector assessment) the baseline's value,
    year, unit, direction and source are taken from it.
    """
    if measure not in Measure.values:
        raise ValidationError({"measure": _("Choose unit, percentage or qualitative.")})
    if sector_baseline is not None:
        if sector_baseline not in sector_baselines(city=result.pilot.city):
            raise ValidationError(
                {"sector_baseline": _("Choose a baseline from this city's approved sector assessment.")}
            )
        if measure == Measure.QUALITATIVE:
            raise ValidationError({"sector_baseline": _("A qualitative indicator has no numeric baseline.")})
        selection = sector_baseline.selection
        baseline_value = sector_baseline.value
        baseline_year = selection.assessment.year or selection.decided_at.year
        baseline_comment = (
            _("Sector assessment of %(sector)s: %(source)s")
            % {"sector": selection.sector.local_name, "source": sector_baseline.source or sector_baseline.name}
        )[:300]
        unit = unit or sector_baseline.unit
        ascending = sector_baseline.direction != "lower"
    bad = [c for c in co_benefits if c not in CoBenefit.values]
    if bad:
        raise ValidationError({"co_benefits": _("Unknown co-benefits: %(tags)s.") % {"tags": ", ".join(bad)}})
    bad = [d for d in disaggregations if d not in DISAGGREGATIONS]
    if bad:
        raise ValidationError({"disaggregations": _("Unknown disaggregations: %(keys)s.") % {"keys": ", ".join(bad)}})
    if measure == Measure.QUALITATIVE:
        baseline_value = None
    if baseline_value is not None and baseline_year is None:
        raise ValidationError({"baseline_year": _("Give the year the baseline value was measured.")})
    indicator = Indicator(
        result=result,
        title=title,
        description=description,
        measure=measure,
        unit=unit if measure == Measure.UNIT else "",
        ascending=ascending,
        baseline_value=baseline_value,
        baseline_year=baseline_year,
        baseline_comment=baseline_comment,
        co_benefits=list(co_benefits),
        disaggregations=list(disaggregations),
        sector_baseline=sector_baseline,
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def period_create(*, indicator: Indicator, start: date, end: date, target_value=None, target_comment="") -> Period:
    if end < start:
        raise ValidationError({"end": _("The period must end on or after its start.")})
    if indicator.measure == Measure.QUALITATIVE:
        target_value = None
    period = Period(indicator=indicator, start=start, end=end, target_value=target_value, target_comment=target_comment)
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def period_lock(*, period: Period, locked: bool = True) -> Period:
    """Lock a period (no more updates, reviews or changes) or open it again."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    period.locked = locked
    period.save(update_fields=["locked", "updated_at"])
    return period


def period_recompute_actual(*, period: Period) -> Period:
    """Set the period's actual from its approved updates only."""
    approved = list(
        period.updates.filter(status=UpdateStatus.APPROVED).values_list("value", "numerator", "denominator")
    )
    period.actual_value = actuals.period_actual(period.indicator.measure, approved)
    period.save(update_fields=["actual_value", "updated_at"])
    return period
