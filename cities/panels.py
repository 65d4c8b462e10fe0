"""The cities app's dashboard panels and menu entries."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ccrs.charts import bar_chart
from ccrs.rules import is_program_staff
from ccrs.selectors import memberships_of

from . import selectors
from .stages import stage_timeline


def city_panel(*, city, user) -> dict:
    """Stage timeline, open onboarding steps and co-funding of the city."""
    detail = selectors.city_stage_details(city_ids=[city.pk])[city.pk]
    return {
        "template": "cities/partials/city_panel.html",
        "city": city,
        "stage": detail,
        "timeline": stage_timeline(detail.stage, detail.facts),
        "onboarding": selectors.city_onboarding(city=city),
        "cofunding": selectors.city_cofunding(city=city),
    }


def program_panel(*, user) -> dict | None:
    """The newest cohort's applications by status and the program's cities by stage, as bar charts."""
    pipeline = selectors.application_pipeline(user=user)
    if pipeline is None:
        return None
    return {
        "template": "cities/partials/program_panel.html",
        "wide": True,
        "cohort": pipeline["cohort"],
        "applications_chart": bar_chart(
            categories=[str(label) for label, _n in pipeline["applications"]],
            series=[(_("Applications"), [n for _label, n in pipeline["applications"]])],
            title=_("Applications by status"),
        ),
        "stages_chart": bar_chart(
            categories=[str(label) for label, _n in pipeline["stages"]],
            series=[(_("Cities"), [n for _label, n in pipeline["stages"]])],
            title=_("Cities by program stage"),
        ),
    }


def program_figures(*, user) -> dict:
    """The program dashboard's city count, cohorts table and cities table."""
    return selectors.program_cities(user=user)


def nav_items(*, user) -> list[tuple[str, str]]:
    if is_program_staff(user):
        return [(_("Applications"), reverse("cities:application_list"))]
    # Applicants (city officials) are not on a team until selected; others need no extra query here.
    if (
        user.is_authenticated
        and not (user.is_stakeholder or user.is_network_member)
        and not memberships_of(user=user)
        and selectors.applications_of_applicant(user=user)
    ):
        return [(_("My applications"), reverse("cities:application_list"))]
    return []
