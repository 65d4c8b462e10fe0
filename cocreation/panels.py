"""The co-creation panel of the city dashboard: processes, input and inclusion figures."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ccrs.charts import bar_chart

from . import selectors
from .models import Gender, StakeholderKind


def city_panel(*, city, user):
    if not user.has_perm("cocreation.view_process", city):
        return None
    figures = selectors.inclusion_figures(city=city)
    kinds = [(label, figures["by_kind"].get(value, 0)) for value, label in StakeholderKind.choices]
    chart = (
        bar_chart(
            categories=[str(label) for label, _n in kinds],
            series=[(_("Participants"), [n for _l, n in kinds])],
            title=_("Participants by stakeholder type"),
        )
        if figures["total"]
        else None
    )
    genders = [(label, figures["by_gender"].get(value, 0)) for value, label in Gender.choices]
    return {
        "template": "cocreation/partials/city_panel.html",
        "figures": figures,
        "chart": chart,
        "genders": genders,
        "url": reverse("cocreation:processes", kwargs={"slug": city.slug}),
    }


def program_figures(*, user) -> dict:
    """The program dashboard's count of stakeholders: the people in the cities' registries, not user accounts."""
    return {"stakeholder_count": selectors.stakeholder_count(user=user)}


def nav_items(*, user):
    return []
