"""The cities app's dashboard panels and menu entries."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ccrs.charts import funnel_chart
from ccrs.generations import PROGRAM, cached
from ccrs.rules import is_program_staff
from ccrs.selectors import memberships_of

from . import selectors
from .models import CoFundingKind, CoFundingStage
from .stages import stage_timeline


def city_panel(*, city, user) -> dict:
    """Stage timeline, open onboarding steps and co-funding of the city: the same for every reader of its
    dashboard, so kept per program generation, language and day (a step falls overdue with the date)."""
    key = f"city-panel:{city.pk}:{get_language()}:{timezone.localdate().isoformat()}"
    return {
        "template": "cities/partials/city_panel.html",
        "shared": f"{city.pk}:{timezone.localdate().isoformat()}",
        "city": city,
        **cached(PROGRAM, key, lambda: _city_panel(city)),
    }


def _city_panel(city) -> dict:
    detail = selectors.city_stage_details(city_ids=[city.pk])[city.pk]
    return {
        "stage": detail,
        "timeline": stage_timeline(detail.stage, detail.facts),
        "onboarding": selectors.city_onboarding(city=city),
        "cofunding": selectors.city_cofunding(city=city),
    }


def program_parts(*, user, cohort_id, today) -> dict:
    """The program dashboard's cohorts and cities, the funnel, the cities' co-funding and their own dates."""
    data = selectors.program_dashboard_parts(user=user, cohort_id=cohort_id)
    if not data:
        return {}
    query = f"?cohort={cohort_id}" if cohort_id else ""
    for step in data["funnel"]:
        step["url"] = reverse("cities:application_list") + query if step["key"] == "applications" else ""
    cofunding = data["cofunding"]
    money = [
        {
            "key": f"cofunding_{kind}_{stage}",
            "label": label,
            "items": cofunding.get((kind, stage), []),
            "cofunding": (kind, stage),
            "city_url_name": "cities:profile",
        }
        for kind, stage, label in [
            (CoFundingKind.CASH, CoFundingStage.COMMITTED, _("City co-funding committed, cash")),
            (CoFundingKind.CASH, CoFundingStage.RECEIVED, _("City co-funding received, cash")),
            (CoFundingKind.IN_KIND, CoFundingStage.COMMITTED, _("City co-funding committed, in kind")),
            (CoFundingKind.IN_KIND, CoFundingStage.RECEIVED, _("City co-funding received, in kind")),
        ]
    ]
    return {
        "cohorts": data["cohorts"],
        "cities": data["cities"],
        "funnel": data["funnel"],
        "funnel_chart": funnel_chart(
            steps=[(str(step["label"]), step["count"]) for step in data["funnel"]],
            title=_("Program funnel"),
            count_name=_("Reached"),
        ),
        "money": money,
        "dates": data["dates"],
        "date_labels": [
            ("selected", _("Selected")),
            ("onboarded", _("Onboarded")),
            ("assessed", _("Assessment approved")),
        ],
    }


def peer_figures(*, city_ids) -> list[dict]:
    """The share of the onboarding checklist done, which a city's peers may see."""
    return selectors.onboarding_figures(city_ids=city_ids)


def benchmark_cities(*, user) -> list:
    """Every city of the program, for the benchmark: staff and city teams see the peer figures of all."""
    return selectors.benchmark_cities(user=user)


def nav_items(*, user) -> list[tuple[str, str]]:
    if is_program_staff(user):
        return [(_("Applications"), reverse("cities:application_list")), (_("Benchmark"), reverse("program_benchmark"))]
    if user.is_authenticated and memberships_of(user=user):
        return [(_("Benchmark"), reverse("program_benchmark"))]
    # Applicants (city officials) are not on a team until selected; others need no extra query here.
    if (
        user.is_authenticated
        and not (user.is_stakeholder or user.is_network_member)
        and not memberships_of(user=user)
        and selectors.applications_of_applicant(user=user)
    ):
        return [(_("My applications"), reverse("cities:application_list"))]
    return []
