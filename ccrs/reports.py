"""The project package's reports: the program report for the funder (PDF, XLSX) and staff's full data export (XLSX).

The program report draws the program dashboard's figures (`selectors.program_dashboard`, the one source of
both): its totals, and the areas each app's `reports` module makes of its own parts of those figures (found
through `registry`); the export walks every table of the program's apps with `.values_list().iterator()`,
so the write-only workbook keeps memory flat however many rows.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from . import registry, reporting, selectors
from .rules import is_program_staff

EXPORT_EXCLUDED_FIELDS = {"password", "key", "token", "params_key"}


def staff_only(user, object_id):
    return is_program_staff(user)


def program_areas(*, user, cohort_id: int | None, progress, figures: dict | None = None) -> list[dict]:
    """The program's figures by area, each app's from its `reports.program_areas(*, figures)`, where `figures` is
    the program dashboard's (`selectors.program_dashboard`), so the report and the dashboard never disagree.

    An area is {"title", "header", "rows"} and maybe a "chart" (the PDF draws it above the tables); one
    sheet or PDF table per area, in the apps' order. The dashboard's figures cost a fixed number of queries
    however many cities, and the areas none.
    """
    if figures is None:
        figures = selectors.program_dashboard(user=user, cohort_id=cohort_id)
    progress(40)
    modules = [module for module in registry.app_modules("reports") if hasattr(module, "program_areas")]
    areas = []
    for index, module in enumerate(modules):
        areas += module.program_areas(figures=figures)
        progress(40 + round(30 * (index + 1) / len(modules)))
    return areas


def build_program(*, object_id, format, progress, user):
    figures = selectors.program_dashboard(user=user, cohort_id=object_id)
    areas = program_areas(user=user, cohort_id=object_id, progress=progress, figures=figures)
    stamp = timezone.localdate().isoformat()
    if format == "xlsx":
        sheets = [(area["title"], [area["header"], *area["rows"]]) for area in areas]
        return reporting.xlsx(sheets=sheets, filename=f"ccrs-program-{stamp}.xlsx", progress=progress)
    return reporting.pdf(
        template="reports/program.html",
        context={
            **figures,
            "areas": areas,
            "charts": [area["chart"] for area in areas if area.get("chart")],
        },
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
    return reporting.xlsx(sheets=export_sheets(progress), filename=f"ccrs-data-{stamp}.xlsx", number_formats=False)


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
