"""Writes of the program indicators: staff choose them, map the pilots' indicators to them, or record an opt-out."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Indicator, IndicatorMapping, Measure, Pilot, ProgramIndicator
from ..units import same_unit


@transaction.atomic
def program_indicator_save(
    *, name: str, measure: str, unit: str = "", description: str = "", program_indicator: ProgramIndicator | None = None
) -> ProgramIndicator:
    """Create or change a program indicator; its measure or unit cannot change under the pilots already mapped."""
    indicator = program_indicator or ProgramIndicator()
    program_indicator_check(program_indicator=indicator, measure=measure, unit=unit)
    indicator.name, indicator.measure, indicator.unit, indicator.description = name, measure, unit.strip(), description
    indicator.full_clean()
    indicator.save()
    return indicator


def program_indicator_check(*, program_indicator: ProgramIndicator, measure: str, unit: str) -> None:
    """Refuse a new measure or unit that the pilot indicators already mapped to it would not add up in."""
    if not program_indicator.pk:
        return
    if program_indicator.measure == measure and same_unit(program_indicator.unit, unit):
        return
    changed = ProgramIndicator(name=program_indicator.name, measure=measure, unit=unit)
    for mapping in program_indicator.mappings.filter(excluded=False).select_related("indicator"):
        mapping_check(program_indicator=changed, indicator=mapping.indicator)


def mapping_check(*, program_indicator: ProgramIndicator, indicator: Indicator) -> None:
    """Refuse a pilot indicator that cannot add up with the program indicator: another measure or another unit."""
    if indicator.measure == Measure.QUALITATIVE:
        raise ValidationError(
            {"indicator": _("“%(indicator)s” is qualitative: it has no number to add up.") % {"indicator": indicator}}
        )
    if indicator.measure != program_indicator.measure:
        raise ValidationError(
            {
                "indicator": _(
                    "“%(indicator)s” is measured as a %(measure)s, “%(program)s” as a %(program_measure)s: "
                    "they cannot be added up."
                )
                % {
                    "indicator": indicator,
                    "measure": Measure(indicator.measure).label.lower(),
                    "program": program_indicator,
                    "program_measure": Measure(program_indicator.measure).label.lower(),
                }
            }
        )
    if program_indicator.measure == Measure.UNIT and not same_unit(indicator.unit, program_indicator.unit):
        raise ValidationError(
            {
                "indicator": _(
                    "“%(indicator)s” counts %(unit)s and “%(program)s” counts %(program_unit)s: an indicator in "
                    "another unit cannot be added to it."
                )
                % {
                    "indicator": indicator,
                    "unit": indicator.unit or _("no unit"),
                    "program": program_indicator,
                    "program_unit": program_indicator.unit,
                }
            }
        )


@transaction.atomic
def indicator_map(*, program_indicator: ProgramIndicator, indicator: Indicator, note: str = "") -> IndicatorMapping:
    """Feed the program indicator from this pilot indicator (the pilot's one mapping to it, replacing an opt-out)."""
    mapping_check(program_indicator=program_indicator, indicator=indicator)
    pilot_id = Indicator.objects.filter(pk=indicator.pk).values_list("result__pilot_id", flat=True).get()
    mapping, _created = IndicatorMapping.objects.update_or_create(
        program_indicator=program_indicator,
        pilot_id=pilot_id,
        defaults={"indicator": indicator, "excluded": False, "note": note},
    )
    return mapping


@transaction.atomic
def indicator_opt_out(*, program_indicator: ProgramIndicator, pilot: Pilot, note: str = "") -> IndicatorMapping:
    """Record that the pilot takes no part in the program indicator: it is shown as excluded, never as a zero."""
    mapping, _created = IndicatorMapping.objects.update_or_create(
        program_indicator=program_indicator, pilot=pilot, defaults={"indicator": None, "excluded": True, "note": note}
    )
    return mapping
