"""The pilots app's reports: a pilot's progress (results against targets, budget, milestones, risks, health), and
the program report's pilots area with its budget chart (from the program dashboard's figures)."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ccrs import reporting
from ccrs.charts import bar_chart

from . import exports, selectors
from .health import level_label
from .models import Pilot


def can_request(user, object_id):
    return selectors.pilots_visible_to(user=user).filter(pk=object_id).exists()


def city_of(object_id):
    return Pilot.objects.filter(pk=object_id).values_list("city_id", flat=True).first()


def build_pilot_progress(*, object_id, format, progress, user):
    pilot = Pilot.objects.select_related("city").filter(pk=object_id).first()
    if pilot is None:
        raise reporting.ReportError(_("This pilot no longer exists."))
    name = f"{slugify(pilot.city.name)}-pilot-{pilot.pk}"
    if format == "xlsx":
        progress(20)
        data = exports.results_xlsx(pilot=pilot, results=selectors.export_rows(pilot=pilot))
        return reporting.Built(filename=f"{name}.xlsx", content=ContentFile(data))
    overview = selectors.pilot_overview(pilot=pilot, today=timezone.localdate())
    progress(40)
    context = {"pilot": pilot, **overview, "results": selectors.results_framework(pilot=pilot)}
    progress(60)
    return reporting.pdf(template="reports/pilot_progress.html", context=context, filename=f"{name}.pdf")


def program_areas(*, figures: dict) -> list[dict]:
    """The program report's Pilots area: each pilot's status, health, money and schedule as the program dashboard
    shows them, with a budget chart."""
    rows = []
    for glance in figures.get("pilots", []):
        pilot, totals = glance["pilot"], glance["totals"]
        rows.append(
            [
                pilot.city.name,
                pilot.title,
                pilot.get_status_display(),
                level_label(glance["health"].level),
                pilot.reporting_currency,
                totals["funding"],
                totals["planned"],
                totals["spent"],
                glance["elapsed"],
                glance["overdue_count"],
                glance["waiting"],
            ]
        )
    chart = bar_chart(
        categories=[f"{row[0]} · {row[1]}"[:40] for row in rows],
        series=[(_("Budget planned"), [float(row[6]) for row in rows]), (_("Spent"), [float(row[7]) for row in rows])],
        title=_("Pilot budgets (reporting currency)"),
    )
    return [
        {
            "title": _("Pilots"),
            "header": [
                _("City"), _("Pilot"), _("Status"), _("Health"), _("Currency"), _("Funding committed"),
                _("Budget planned"), _("Spent"), _("Time elapsed (%)"), _("Overdue milestones"),
                _("Waiting for review"),
            ],
            "rows": rows,
            "chart": chart if rows else None,
        }
    ]  # fmt: skip


reporting.register(
    reporting.ReportKind(
        name="pilot_progress",
        label=gettext_lazy("Pilot progress"),
        formats=("pdf", "xlsx"),
        can_request=can_request,
        city_of=city_of,
        build=build_pilot_progress,
    )
)
