"""The sectors app's reports: a city's sector assessment with its ranking, contributions and sensitivity (PDF), and
the program report's sector assessment area."""

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ccrs import reporting
from cities.models import City
from cities.selectors import cities_visible_to

from . import selectors


def can_request(user, object_id):
    return cities_visible_to(user=user).filter(pk=object_id).exists()


def build_sector_assessment(*, object_id, format, progress, user):
    city = City.objects.select_related("cohort", "sector_assessment").filter(pk=object_id).first()
    assessment = selectors.assessment_of(city) if city else None
    if assessment is None:
        raise reporting.ReportError(_("This city has no sector assessment yet: start it on the assessment page."))
    progress(20)
    context = {
        "city": city,
        "approved": selectors.approved_sector(city=city),
        **selectors.ranking(assessment=assessment),
    }
    progress(70)
    return reporting.pdf(
        template="reports/sector_assessment.html",
        context=context,
        filename=f"{slugify(city.name)}-sector-assessment.pdf",
    )


def program_areas(*, figures: dict) -> list[dict]:
    """The program report's Sector assessment area: each city's status, leading sector and selection, as the
    program dashboard shows them."""
    rows = []
    for row in figures.get("assessments", []):
        assessment, leader, selection = row["assessment"], row["leader"], row["selection"]
        rows.append(
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
    return [
        {
            "title": _("Sector assessment"),
            "header": [
                _("City"), _("Status"), _("Sectors"), _("Survey responses"), _("Leading sector"), _("Score"),
                _("Selected sector"),
            ],
            "rows": rows,
        }
    ]  # fmt: skip


reporting.register(
    reporting.ReportKind(
        name="sector_assessment",
        label=gettext_lazy("Sector assessment"),
        formats=("pdf",),
        can_request=can_request,
        city_of=lambda object_id: object_id,
        build=build_sector_assessment,
    )
)
