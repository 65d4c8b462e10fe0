"""The program's default framework of criteria and the ISIC Rev.4 codes a cohort starts with."""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_noop

from ..models import (
    Criterion,
    Direction,
    IsicCode,
    Principle,
    SurveyMetric,
)

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
    from .ranking import cohort_rank

    cohort_rank(cohort_id=cohort.pk)
    return made


ISIC_DATA = Path(__file__).resolve().parent.parent / "data" / "isic_rev4.csv"


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
