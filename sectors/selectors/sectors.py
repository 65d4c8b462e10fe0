"""Reads of candidate sectors: one sector, its values and the economics of several."""

from django.utils.translation import gettext as _

from cities.selectors import cities_visible_to

from .. import economics, scoring
from ..models import Assessment, CandidateSector, IndicatorValue


def sector_get(*, user, slug: str, sector_id: int) -> CandidateSector | None:
    """A candidate sector of the assessment of the city with this slug, if the user may see the city, else None."""
    return (
        CandidateSector.objects.filter(
            assessment__city__in=cities_visible_to(user=user), assessment__city__slug=slug, pk=sector_id
        )
        .select_related("assessment__city__cohort")
        .first()
    )


def sector_values(*, sector: CandidateSector) -> dict[int, IndicatorValue]:
    """{criterion id: value} of one sector, for its values form."""
    return {v.criterion_id: v for v in IndicatorValue.objects.filter(sector=sector)}


def sector_economics(*, assessment: Assessment, sectors) -> list[dict]:
    """Location quotient, shift-share and SME shares of each sector, with inputs or the reason missing."""
    rows = []
    for sector in sectors:
        row = {"sector": sector, "lq": None, "lq_error": "", "shift": None, "shift_error": ""}
        if sector.city_employment is not None and assessment.city_employment and sector.national_employment is not None:
            try:
                row["lq"] = economics.location_quotient(
                    city_sector=sector.city_employment,
                    city_total=assessment.city_employment,
                    national_sector=sector.national_employment,
                    national_total=assessment.national_employment,
                )
            except scoring.ScoringError as error:
                row["lq_error"] = str(error)
        else:
            row["lq_error"] = _("Enter the sector's city and national employment and the city and national totals.")
        needed = [
            sector.city_employment_base,
            sector.city_employment,
            sector.national_employment_base,
            sector.national_employment,
            assessment.national_employment_base,
            assessment.national_employment,
        ]
        if all(v is not None for v in needed):
            try:
                row["shift"] = economics.shift_share(
                    city_sector_start=sector.city_employment_base,
                    city_sector_end=sector.city_employment,
                    national_sector_start=sector.national_employment_base,
                    national_sector_end=sector.national_employment,
                    national_total_start=assessment.national_employment_base,
                    national_total_end=assessment.national_employment,
                )
            except scoring.ScoringError as error:
                row["shift_error"] = str(error)
        else:
            row["shift_error"] = _("Give employment for two years to see the shift-share.")
        try:
            row["sme_firm_share"] = economics.share(sector.sme_firms, sector.firms)
            row["sme_job_share"] = economics.share(sector.sme_employment, sector.city_employment)
        except scoring.ScoringError:
            row["sme_firm_share"] = row["sme_job_share"] = None
        rows.append(row)
    return rows
