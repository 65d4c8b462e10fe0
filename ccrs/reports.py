"""The project package's reports: the program report for the funder (PDF, XLSX) and staff's full data export (XLSX).

Both read through the apps' selectors; the export walks every table of the program's apps with
`.values_list().iterator()`, so the write-only workbook keeps memory flat however many rows.
"""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import registry, reporting
from .charts import bar_chart
from .rules import is_program_staff

EXPORT_EXCLUDED_FIELDS = {"password", "key", "token", "params_key"}


def staff_only(user, object_id):
    return is_program_staff(user)


def program_areas(*, user, cohort_id: int | None, progress) -> list[dict]:
    """The program's figures by area: each {"title", "header", "rows"}; one sheet (or PDF table) per area."""
    from cities import selectors as cities_selectors
    from cocreation import selectors as cocreation_selectors
    from pilots import selectors as pilots_selectors
    from pilots.health import level_label
    from sectors import selectors as sectors_selectors

    cities = [c for c in cities_selectors.city_list(user=user) if cohort_id is None or c.cohort_id == cohort_id]
    city_ids = {c.pk for c in cities}
    areas = [
        {
            "title": _("Cities"),
            "header": [_("City"), _("Local name"), _("Country"), _("Cohort"), _("Stage"), _("Team")],
            "rows": [
                [c.name, c.local_name, c.country.code, c.cohort.name, str(c.stage.label), c.team_size] for c in cities
            ],
        }
    ]
    cofunding = []
    for city in cities:
        for row in cities_selectors.city_cofunding(city=city)["totals"]:
            cofunding.append(
                [city.name, row["kind"], row["currency"], row["committed"], row["received"], row["percent"]]
            )
    areas.append(
        {
            "title": _("Co-funding"),
            "header": [_("City"), _("Kind"), _("Currency"), _("Committed"), _("Received"), _("Received (%)")],
            "rows": cofunding,
        }
    )
    progress(20)
    sectors = []
    for row in sectors_selectors.overview(user=user):
        assessment = row["assessment"]
        if assessment.city_id not in city_ids:
            continue
        leader, selection = row["leader"], row["selection"]
        sectors.append(
            [
                assessment.city.name,
                assessment.get_status_display(),
                assessment.sector_count,
                assessment.response_count,
                leader["sector"].local_name if leader else "",
                round(leader["score"], 3) if leader else None,
                selection.sector.local_name if selection else "",
            ]
        )
    areas.append(
        {
            "title": _("Sector assessment"),
            "header": [
                _("City"), _("Status"), _("Sectors"), _("Survey responses"), _("Leading sector"), _("Score"),
                _("Selected sector"),
            ],
            "rows": sectors,
        }
    )  # fmt: skip
    progress(35)
    processes = (
        cocreation_selectors.processes_visible_to(user=user)
        .filter(city_id__in=city_ids)
        .values("city__name")
        .annotate(
            workshop_count=Count("workshops", distinct=True),
            submission_count=Count("workshops__submissions", distinct=True),
            call_count=Count("calls", distinct=True),
            awarded_count=Count("calls", filter=Q(calls__status="awarded"), distinct=True),
        )
        .order_by("city__name")
    )
    areas.append(
        {
            "title": _("Co-creation"),
            "header": [_("City"), _("Workshops"), _("Submissions"), _("Calls"), _("Awarded calls")],
            "rows": [
                [p["city__name"], p["workshop_count"], p["submission_count"], p["call_count"], p["awarded_count"]]
                for p in processes
            ],
        }
    )
    progress(50)
    today = timezone.localdate()
    pilots = []
    for pilot in pilots_selectors.pilot_list(user=user):
        if pilot.city_id not in city_ids:
            continue
        overview = pilots_selectors.pilot_overview(pilot=pilot, today=today)
        totals = overview["totals"]
        pilots.append(
            [
                pilot.city.name,
                pilot.title,
                pilot.get_status_display(),
                level_label(overview["health"].level),
                pilot.reporting_currency,
                totals["funding"],
                totals["planned"],
                totals["spent"],
                overview["elapsed"],
                overview["overdue_count"],
            ]
        )
    areas.append(
        {
            "title": _("Pilots"),
            "header": [
                _("City"), _("Pilot"), _("Status"), _("Health"), _("Currency"), _("Funding committed"),
                _("Budget planned"), _("Spent"), _("Time elapsed (%)"), _("Overdue milestones"),
            ],
            "rows": pilots,
        }
    )  # fmt: skip
    progress(70)
    return areas


def build_program(*, object_id, format, progress, user):
    areas = program_areas(user=user, cohort_id=object_id, progress=progress)
    stamp = timezone.localdate().isoformat()
    if format == "xlsx":
        sheets = [(area["title"], [area["header"], *area["rows"]]) for area in areas]
        return reporting.xlsx(sheets=sheets, filename=f"ccrs-program-{stamp}.xlsx", progress=progress)
    pilots = areas[-1]["rows"]
    chart = bar_chart(
        categories=[f"{row[0]} · {row[1]}"[:40] for row in pilots],
        series=[
            (_("Budget planned"), [float(row[6]) for row in pilots]),
            (_("Spent"), [float(row[7]) for row in pilots]),
        ],
        title=_("Pilot budgets (reporting currency)"),
    )
    return reporting.pdf(
        template="reports/program.html",
        context={"areas": areas, "budget_chart": chart if pilots else None},
        filename=f"ccrs-program-{stamp}.pdf",
    )


def export_sheets(progress):
    """Every table of the program's apps, a sheet each: (title, rows), the first row the field names."""
    models = [m for config in registry.project_apps() for m in config.get_models()]
    models = [m for m in models if not m._meta.proxy]
    for index, model in enumerate(models):
        fields = [f for f in model._meta.concrete_fields if f.name not in EXPORT_EXCLUDED_FIELDS]
        names = [f.attname for f in fields]

        def rows(model=model, names=names, index=index):
            yield names
            yield from model._default_manager.order_by("pk").values_list(*names).iterator(chunk_size=5000)
            progress(round(95 * (index + 1) / len(models)))

        yield model._meta.db_table, rows()


def build_data_export(*, object_id, format, progress, user):
    stamp = timezone.localdate().isoformat()
    return reporting.xlsx(sheets=export_sheets(progress), filename=f"ccrs-data-{stamp}.xlsx")


reporting.register(
    reporting.ReportKind(
        name="program",
        label=gettext_lazy("Program report"),
        formats=("pdf", "xlsx"),
        can_request=staff_only,
        build=build_program,
        needs_object=False,
    )
)
reporting.register(
    reporting.ReportKind(
        name="data_export",
        label=gettext_lazy("Full data export"),
        formats=("xlsx",),
        can_request=staff_only,
        build=build_data_export,
        needs_object=False,
    )
)
