"""Economic base analysis of a candidate sector: location quotient, shift-share, SME shares.

Pure functions over plain numbers. Each returns its inputs and the formula beside the result so
a page can show how the figure was reached.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .scoring import ScoringError


@dataclass
class LocationQuotient:
    value: float
    city_sector: float
    city_total: float
    national_sector: float
    national_total: float
    formula: str = "LQ = (e_i / e) / (E_i / E)"


@dataclass
class ShiftShare:
    national_share: float
    industry_mix: float
    local_share: float
    change: float
    formula: str = "Δe_i = e_i⁰·(E¹/E⁰ − 1) + e_i⁰·(E_i¹/E_i⁰ − E¹/E⁰) + e_i⁰·(e_i¹/e_i⁰ − E_i¹/E_i⁰)"


def _positive(value, name):
    if value is None:
        raise ScoringError(_("%(field)s is missing.") % {"field": name})
    value = float(value)
    if value < 0:
        raise ScoringError(_("%(field)s cannot be negative.") % {"field": name})
    return value


def location_quotient(*, city_sector, city_total, national_sector, national_total) -> LocationQuotient:
    """The sector's share of city employment over its share of national employment (BLS, IMPLAN)."""
    e_i = _positive(city_sector, _("City employment in the sector"))
    e = _positive(city_total, _("Total city employment"))
    big_e_i = _positive(national_sector, _("National employment in the sector"))
    big_e = _positive(national_total, _("Total national employment"))
    if e == 0:
        raise ScoringError(_("Total city employment is zero, so no location quotient can be computed."))
    if big_e_i == 0 or big_e == 0:
        raise ScoringError(
            _("National employment in the sector is zero, so the location quotient would divide by zero.")
        )
    if e_i > e or big_e_i > big_e:
        raise ScoringError(_("Employment in a sector cannot exceed total employment."))
    return LocationQuotient(
        value=(e_i / e) / (big_e_i / big_e),
        city_sector=e_i,
        city_total=e,
        national_sector=big_e_i,
        national_total=big_e,
    )


def shift_share(
    *,
    city_sector_start,
    city_sector_end,
    national_sector_start,
    national_sector_end,
    national_total_start,
    national_total_end,
) -> ShiftShare:
    """Classic three-part shift-share (Dunn 1960): national share, industry mix and local share."""
    e0 = _positive(city_sector_start, _("City employment in the sector, first year"))
    e1 = _positive(city_sector_end, _("City employment in the sector, last year"))
    n0 = _positive(national_sector_start, _("National employment in the sector, first year"))
    n1 = _positive(national_sector_end, _("National employment in the sector, last year"))
    t0 = _positive(national_total_start, _("Total national employment, first year"))
    t1 = _positive(national_total_end, _("Total national employment, last year"))
    if n0 == 0 or t0 == 0:
        raise ScoringError(_("National employment in the first year is zero, so the shift-share would divide by zero."))
    national_growth = t1 / t0 - 1
    sector_growth = n1 / n0 - 1
    local_growth = (e1 / e0 - 1) if e0 else 0.0
    national = e0 * national_growth
    mix = e0 * (sector_growth - national_growth)
    local = e0 * (local_growth - sector_growth) if e0 else e1
    return ShiftShare(national_share=national, industry_mix=mix, local_share=local, change=e1 - e0)


def share(part, whole) -> float | None:
    """part / whole, or None when there is no whole (the SME share of firms or of employment)."""
    if part is None or whole in (None, 0):
        return None
    part, whole = float(part), float(whole)
    if part < 0 or whole < 0 or part > whole:
        raise ScoringError(_("A share needs a part between zero and the whole."))
    return part / whole
