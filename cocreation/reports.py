"""The co-creation app's reports: a workshop's summary (PDF) and its submissions, ideas and votes (XLSX), and the
program report's co-creation area (from the program dashboard's figures)."""

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ccrs import reporting
from ccrs.charts import bar_chart

from . import exports, selectors
from .models import Workshop


def can_request(user, object_id):
    return selectors.workshop_get(user=user, pk=object_id) is not None


def city_of(object_id):
    return Workshop.objects.filter(pk=object_id).values_list("process__city_id", flat=True).first()


def build_workshop_summary(*, object_id, format, progress, user):
    workshop = Workshop.objects.select_related("process__city").filter(pk=object_id).first()
    if workshop is None:
        raise reporting.ReportError(_("This workshop no longer exists."))
    name = f"{slugify(workshop.process.city.name)}-workshop-{workshop.pk}"
    if format == "xlsx":
        sheets = exports.workshop_sheets(workshop=workshop, language=translation.get_language())
        progress(50)
        return reporting.xlsx(sheets=sheets.items(), filename=f"{name}.xlsx", progress=progress)
    detail = selectors.workshop_detail(workshop=workshop)
    progress(40)
    counts = detail["counts"]
    chart = bar_chart(
        categories=[_("Invited"), _("Checked in"), _("Gave input")],
        series=[(_("People"), [counts["invited"], counts["checked_in"], counts["submitted"]])],
        title=_("Participation"),
    )
    context = {
        "workshop": workshop,
        **detail,
        "ideas": selectors.idea_list(workshop=workshop),
        "participation_chart": chart,
    }
    progress(60)
    return reporting.pdf(template="reports/workshop_summary.html", context=context, filename=f"{name}.pdf")


def program_areas(*, figures: dict) -> list[dict]:
    """The program report's Co-creation area: each city's participation and inclusion as the program dashboard
    counts them (the shares with their numerators and denominators, as the dashboard pools them)."""
    participation = figures.get("participation", {"counts": [], "shares": []})
    counts, shares = participation["counts"], participation["shares"]
    return [
        {
            "title": _("Co-creation"),
            "header": [
                _("City"),
                *[row["label"] for row in counts],
                *[_("%(figure)s (%%)") % {"figure": row["label"]} for row in shares],
            ],
            "rows": [
                [
                    city.name,
                    *[row["cells"][index]["value"] for row in counts],
                    *[row["cells"][index]["value"] for row in shares],
                ]
                for index, city in enumerate(figures.get("cities", []))
            ],
        }
    ]


reporting.register(
    reporting.ReportKind(
        name="workshop_summary",
        label=gettext_lazy("Workshop summary"),
        formats=("pdf", "xlsx"),
        can_request=can_request,
        city_of=city_of,
        build=build_workshop_summary,
    )
)
