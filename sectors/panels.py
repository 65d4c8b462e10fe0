"""The sector assessment on the city and program dashboards, and in the staff menu."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ccrs.generations import PROGRAM, cached
from ccrs.rules import is_program_staff

from . import selectors
from .selectors.stage import assessment_approved_on


def city_panel(*, city, user) -> dict | None:
    if not user.has_perm("sectors.view_assessment", city):
        return None
    # The summary is the same for every reader allowed to see it (checked above): kept per program generation.
    summary = cached(PROGRAM, f"sector-panel:{city.pk}:{get_language()}", lambda: selectors.panel_summary(city=city))
    return {"template": "sectors/partials/city_panel.html", "shared": city.pk, "city": city, **summary}


def program_panel(*, user) -> dict | None:
    if not is_program_staff(user):
        return None
    # the same for every staff member: counted once per change of the program's data
    summary = cached(PROGRAM, "sectors-program-summary", selectors.program_summary)
    return {"template": "sectors/partials/program_panel.html", "summary": summary}


def program_parts(*, user, cohort_id, today) -> dict:
    """The program dashboard's sector assessments: each city's status, leading sector and selection (two queries)."""
    if not is_program_staff(user):
        return {}
    return {"assessments": selectors.overview(user=user, cohort_id=cohort_id)}


def nav_items(*, user) -> list[tuple[str, str]]:
    if is_program_staff(user):
        return [(_("Sectors"), reverse("sectors:overview"))]
    return []


def stage_facts(*, city_ids) -> dict[int, dict]:
    """The program stage's fact of this app: the date each city's assessment was approved (one query)."""
    return assessment_approved_on(city_ids=city_ids)
