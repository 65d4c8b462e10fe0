"""The pilots app's dashboard panels and menu entries."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ccrs.generations import PROGRAM, cached
from ccrs.rules import is_city_team_member, is_program_staff

from . import selectors
from .models import PilotStatus

STARTED_OR_PLANNED = {PilotStatus.PLANNED, PilotStatus.ACTIVE, PilotStatus.PAUSED, PilotStatus.COMPLETED}


def city_panel(*, city, user):
    """The city's pilots with their open updates: the same for every reader, kept per program generation."""
    pilots = cached(PROGRAM, f"city-pilots:{city.pk}", lambda: selectors.city_pilots(city=city))
    if not pilots:
        return None
    return {"template": "pilots/partials/city_panel.html", "shared": city.pk, "pilots": pilots}


def program_parts(*, user, cohort_id, today) -> dict:
    """The program dashboard's pilots (health, waiting updates, overdue milestones), their money and dates."""
    data = selectors.program_pilots_parts(user=user, today=today, cohort_id=cohort_id)
    if data is None:
        return {}
    rows = data["rows"]
    pilot_urls, dates = {}, {}
    for row in rows:
        pilot = row["pilot"]
        pilot_urls.setdefault(pilot.city_id, pilot.get_absolute_url())
        if pilot.status in STARTED_OR_PLANNED:
            own = dates.setdefault(pilot.city_id, {"pilot_start": pilot.start_date, "pilot_end": pilot.end_date})
            own["pilot_start"] = min(own["pilot_start"], pilot.start_date)
            own["pilot_end"] = max(own["pilot_end"], pilot.end_date)

    grant = [(row["pilot"].city_id, *item) for row in rows for item in row["grants"]]
    budget = [
        (row["pilot"].city_id, amount, currency, row["pilot"].start_date)
        for row in rows
        for amount, currency in row["lines"]
    ]
    spent = [(row["pilot"].city_id, *item) for row in rows for item in row["spending"]]
    return {
        "money": [
            {"key": "grant", "label": _("Program grant"), "items": grant, "city_urls": pilot_urls},
            {"key": "budget", "label": _("Pilot budgets"), "items": budget, "city_urls": pilot_urls},
            {"key": "spent", "label": _("Pilot expenditures"), "items": spent, "city_urls": pilot_urls},
        ],
        "pilots": rows,
        "overdue": sorted(
            ((m, row["pilot"]) for row in rows for m in row["milestones"] if m.overdue),
            key=lambda pair: pair[0].due_date,
        ),
        "waiting": data["waiting"],
        "program_indicators": selectors.program_indicator_rollup(user=user, cohort_id=cohort_id),
        "dates": dates,
        "date_labels": [("pilot_start", _("Pilot start")), ("pilot_end", _("Pilot end"))],
    }


def peer_figures(*, city_ids) -> list[dict]:
    """The program indicators per city from approved actuals, in all and per reporting period, which a city's
    peers may see (four queries)."""
    return [
        {
            "key": f"program_indicator_{row['program_indicator'].pk}",
            "label": row["program_indicator"].name
            if row["program_indicator"].measure == "percentage"
            else f"{row['program_indicator'].name} ({row['program_indicator'].unit})",
            "kind": "percent" if row["program_indicator"].measure == "percentage" else "number",
            "by_city": row["by_city"],
            "by_period": row["by_period"],
        }
        for row in selectors.city_indicator_figures(city_ids=city_ids)
    ]


def same_sector_cities(*, city_id) -> set[int]:
    """The cities whose pilots share an ISIC sector with this city's pilots."""
    return selectors.same_sector_cities(city_id=city_id)


def exchange_rates(*, reporting_currency):
    """The dated rates into the reporting currency the program dashboard converts with (one query)."""
    return selectors.rate_table(reporting_currency=reporting_currency)


def nav_items(*, user):
    if is_program_staff(user):
        return [(_("Pilots"), reverse("pilots:list")), (_("Review updates"), reverse("pilots:queue"))]
    if is_city_team_member(user):
        return [(_("Pilots"), reverse("pilots:list"))]
    return []


def stage_facts(*, city_ids) -> dict[int, dict]:
    """The program stage's facts of this app: when each city's first pilot started and a pilot closed (one query)."""
    return selectors.pilot_stage_dates(city_ids=city_ids)
