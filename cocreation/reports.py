"""The co-creation app's reports: a workshop's summary (PDF) and its submissions, ideas and votes (XLSX), and the
program report's co-creation area."""

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


def program_areas(*, user, cohort_id: int | None) -> list[dict]:
    """The program report's Co-creation area: each city's workshops, submissions and calls."""
    return [
        {
            "title": _("Co-creation"),
            "header": [_("City"), _("Workshops"), _("Submissions"), _("Calls"), _("Awarded calls")],
            "rows": [
                [p["city__name"], p["workshop_count"], p["submission_count"], p["call_count"], p["awarded_count"]]
                for p in selectors.program_counts(user=user, cohort_id=cohort_id)
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
