"""The cities app's part of a case study: the city and its challenge, and the co-funding committed and received.

`case_study_figures(*, city)` gives parts of sections, each {"section", "facts", "charts", "draft", "values"}
(see network/selectors/case_studies.py): facts and charts in the active language, plain JSON values only,
so a published version can keep them as they were.
"""

from django.utils.translation import gettext as _

from ccrs import formatting

from . import selectors
from .models import City, Shock


def case_study_figures(*, city) -> list[dict]:
    shocks = [str(label) for value, label in Shock.choices if value in (city.shocks or [])]
    facts = [
        {"label": _("Country"), "value": formatting.country_name(city.country)},
        {"label": _("Population"), "value": formatting.number(city.population)},
        {"label": _("Area (km²)"), "value": formatting.number(city.area_km2, -1)},
        {"label": _("Shocks and stresses"), "value": ", ".join(shocks)},
        {"label": _("Resilience strategy"), "value": city.resilience_strategy_url},
    ]
    draft = [
        _("%(city)s, %(country)s.") % {"city": city.display_name, "country": formatting.country_name(city.country)}
    ]
    if shocks:
        draft.append(_("The city faces %(shocks)s.") % {"shocks": ", ".join(shocks).lower()})
    if city.resilience_strategy:
        draft.append(city.resilience_strategy)
    cofunding = selectors.city_cofunding(city=city)["totals"]
    money_facts = [
        {
            "label": _("Co-funding in %(kind)s (%(currency)s)")
            % {"kind": str(row["kind"]).lower(), "currency": row["currency"]},
            "value": _("%(received)s received of %(committed)s committed")
            % {
                "received": formatting.money(row["received"], row["currency"]),
                "committed": formatting.money(row["committed"], row["currency"]),
            },
        }
        for row in cofunding
    ]
    return [
        {
            "section": "city",
            "facts": [fact for fact in facts if fact["value"]],
            "charts": [],
            "draft": " ".join(draft),
            "values": {"population": city.population, "shocks": list(city.shocks or [])},
        },
        {
            "section": "pilot",
            "facts": money_facts,
            "charts": [],
            "draft": "",
            "values": {
                "cofunding": [
                    {
                        "currency": row["currency"],
                        "committed": str(row["committed"]),
                        "received": str(row["received"]),
                    }
                    for row in cofunding
                ]
            },
        },
    ]


def program_cities() -> list[dict]:
    """The cohorts' cities for the public program page, with their program stage (a fixed number of queries)."""

    cities = list(City.objects.filter(cohort__isnull=False).select_related("cohort").order_by("name"))
    stages = selectors.city_stage_details(city_ids=[c.pk for c in cities])
    return [
        {
            "id": city.pk,
            "slug": city.slug,
            "name": city.name,
            "local_name": city.local_name,
            "country": formatting.country_name(city.country),
            "cohort": city.cohort.name,
            "stage": str(stages[city.pk].stage.label),
            "stage_key": str(stages[city.pk].stage.value),
            "reached_on": stages[city.pk].reached_on,
        }
        for city in cities
    ]
