"""The pilots app's part of a case study: what the pilot did, its budget and funding, milestones, results against
targets with their charts, and its health (see cities/case_study.py for the shape of a part)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs import formatting
from ccrs.charts import chart_spec

from . import selectors
from .health import level_label
from .models import MilestoneStatus, Pilot, PilotStatus


def case_study_figures(*, city) -> list[dict]:
    pilot = (
        Pilot.objects.filter(city=city)
        .exclude(status__in=[PilotStatus.PLANNED, PilotStatus.CANCELLED])
        .order_by("-start_date")
        .first()
    )
    if pilot is None:
        return []
    overview = selectors.pilot_overview(pilot=pilot, today=timezone.localdate())
    totals, currency = overview["totals"], pilot.reporting_currency
    milestones = overview["milestones"]
    done = [m for m in milestones if m.status == MilestoneStatus.DONE]
    results = selectors.results_framework(pilot=pilot)
    indicators = [i for r in results for i in r.indicators.all()]
    rows = []
    for indicator in indicators:
        periods = list(indicator.periods.all())
        target = next((p.target_value for p in reversed(periods) if p.target_value is not None), None)
        actual = next((p.actual_value for p in reversed(periods) if p.actual_value is not None), None)
        rows.append(
            {
                "indicator": indicator.title,
                "unit": indicator.unit,
                "target": None if target is None else str(target),
                "actual": None if actual is None else str(actual),
            }
        )
    facts = [
        {"label": _("Pilot"), "value": pilot.title},
        {"label": _("Status"), "value": str(pilot.get_status_display())},
        {"label": _("Funding committed"), "value": formatting.money(totals["funding"], currency)},
        {"label": _("Budget planned"), "value": formatting.money(totals["planned"], currency)},
        {"label": _("Spent"), "value": formatting.money(totals["spent"], currency)},
        {
            "label": _("Milestones done"),
            "value": _("%(done)s of %(total)s")
            % {"done": formatting.number(len(done)), "total": formatting.number(len(milestones))},
        },
        *[
            {
                "label": row["indicator"],
                "value": _("%(actual)s of a target of %(target)s %(unit)s")
                % {
                    "actual": formatting.number(row["actual"], -2) or "—",
                    "target": formatting.number(row["target"], -2) or "—",
                    "unit": row["unit"],
                },
            }
            for row in rows
        ],
        {"label": _("Health"), "value": str(level_label(overview["health"].level))},
    ]
    draft = [pilot.description or pilot.solution or pilot.title]
    return [
        {
            "section": "pilot",
            "facts": facts,
            "charts": [chart_spec(i.chart) for i in indicators if i.chart is not None],
            "draft": " ".join(d for d in draft if d),
            "values": {
                "pilot": pilot.title,
                "currency": currency,
                "funding": str(totals["funding"]),
                "planned": str(totals["planned"]),
                "spent": str(totals["spent"]),
                "milestones": len(milestones),
                "milestones_done": len(done),
                "results": rows,
                "health": overview["health"].level,
            },
        }
    ]
